"""Events across articles: the same event reported by many outlets.

An event groups claims (demand frames) from any documents. This package holds
the Qt-free logic above the store: the records (:mod:`.records`), which claims
elsewhere probably report the same event (:mod:`.suggest`), which documents are
copies of one another (:mod:`.independence`), how many independent outlets
corroborate or contradict a claim and the credibility grade that follows
(:mod:`.corroboration`), passages that bear on a document's claim line
(:mod:`.evidence`) and agreement between annotators on event identity
(:mod:`.identity`). The façade reaches it as ``project.events``.
"""
