"""Inter-coder agreement, free of Qt: coefficients, span agreement and claim alignment.

``coefficients`` (alpha, kappas, bootstrap intervals), ``spans`` (span matching and F1),
``unitizing`` (alpha_U), ``grouping`` (spans into review items), ``claims`` (claim
alignment), ``report`` (a project's agreement report; ``span_rows`` the lean span rows it
reads) and ``render`` (the report as CSV or HTML).

Import from here in notebooks and scripts::

    from annotator.core.agreement import krippendorff_alpha, span_f1, align_claims
"""

from __future__ import annotations

from annotator.core.agreement.claims import (
    ClaimAgreement,
    align_claims,
    claim_attribute_agreement,
    default_claim_weight,
    span_jaccard,
)
from annotator.core.agreement.coefficients import (
    bootstrap_ci,
    category_counts,
    cohen_kappa,
    fleiss_kappa,
    free_marginal_kappa,
    krippendorff_alpha,
    percent_agreement,
    scott_pi,
)
from annotator.core.agreement.spans import (
    F1Result,
    Unit,
    combine_f1,
    match_spans,
    pairwise_span_f1,
    span_f1,
)
from annotator.core.agreement.unitizing import (
    unitizing_alpha,
    unitizing_alpha_multi,
    unitizing_disagreements,
    unitizing_disagreements_multi,
)

__all__ = [
    "ClaimAgreement",
    "F1Result",
    "Unit",
    "align_claims",
    "bootstrap_ci",
    "category_counts",
    "claim_attribute_agreement",
    "cohen_kappa",
    "combine_f1",
    "default_claim_weight",
    "fleiss_kappa",
    "free_marginal_kappa",
    "krippendorff_alpha",
    "match_spans",
    "pairwise_span_f1",
    "percent_agreement",
    "scott_pi",
    "span_f1",
    "span_jaccard",
    "unitizing_alpha",
    "unitizing_alpha_multi",
    "unitizing_disagreements",
    "unitizing_disagreements_multi",
]
