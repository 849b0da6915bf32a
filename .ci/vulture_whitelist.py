"""Names in annotator/ that vulture cannot see being used.

The gate is ``vulture annotator .ci/vulture_whitelist.py --min-confidence 60``:
it reads only the application, so everything here is called by reflection (Qt,
functools, getattr), or is an entry point that only the tests and the harnesses
in tests/ reach. vulture reads this file and never runs it. When a name here is
deleted or renamed in the code, delete or rename it here too.
"""

from annotator import core
from annotator.core import exporters
from annotator.core.agreement.claims import ClaimAgreement
from annotator.core.assist import actors, registry
from annotator.core.store import maintenance
from annotator.core.team import AnnotatorProgress
from annotator.core.project.events import Events
from annotator.core.timex import DateValue
from annotator.gui.dialogs.team.dashboard import ProgressDashboard
from annotator.gui.models.item_models import SpanListModel
from annotator.gui.registry.model import ActorFilterProxy, ActorTableModel
from annotator.gui.review.agreement_view import AgreementView
from annotator.gui.review.chart import BarChart
from annotator.gui.review.models import QueueFilterProxy
from annotator.gui.review.report_models import GroupProxy
from annotator.gui.review.review_window import ReviewWindow
from annotator.gui.text.offsets import OffsetMap
from annotator.gui.workspace.document_view import DocumentView
from annotator.gui.workspace.guideline_dock import _Browser

# --- Qt virtual methods: Qt calls the override, never our code
ActorFilterProxy.filterAcceptsRow  # QSortFilterProxyModel asks it for every source row
QueueFilterProxy.filterAcceptsRow  # the same, for the review queue
GroupProxy.filterAcceptsRow  # the same, for one coefficient group of the report
BarChart.paintEvent  # QWidget paints the chart through it
BarChart.mouseDoubleClickEvent  # QWidget delivers double-clicks on a bar through it
SpanListModel.setData  # item views set the check state of a span through it

# --- functools.lru_cache: a parameter that is only part of the cache key
mtime  # brat._sidecar(folder, mtime): a changed documents.jsonl gets a new cache entry

# --- module __getattr__ (PEP 562): Python calls it for a name the module has not loaded yet
core.__getattr__  # annotator.core resolves Project, TaskState, ... on first use
exporters.__getattr__  # annotator.core.exporters resolves Selection, ExportResult, ...

# --- read by name through getattr or by the tests on results
AnnotatorProgress.packages_out  # the dashboard's count column reads getattr(row, key)
ClaimAgreement.match_rate  # result field of claim_attribute_agreement(), asserted by tests
ClaimAgreement.n_units  # the same
AgreementView.review_opener  # set by review.launch; keeps the opener of the review window

# --- public entry points whose only callers are tests and the crash harnesses
actors.find_actors  # the actor matcher itself, tested without a suggester around it
registry.register_suggester  # plugin API of the suggester registry (module docstring)
registry.suggester_problems  # plugin API: why a registered suggester cannot load
maintenance.table_counts  # compares a backup or a migrated database with its source
maintenance.normalised_schema  # compares migrated and freshly created schemas
DateValue.from_dict  # inverse of DateValue.to_dict (round-trip tests)
Events.of_claim  # project.events: the event a claim is in, as a viewer sees it (scripts, tests)
ProgressDashboard.row_values  # what one dashboard row shows, for the dialog tests
ActorTableModel.actor_at  # the actor behind a model row, for the registry tests
ReviewWindow.loading  # tests wait until the queue has loaded
OffsetMap.utf16_length  # checked against Qt's length of the same text
DocumentView.select_text  # selects a range the way a mouse drag does (GUI harness)
_Browser.loadResource  # Qt calls it for every image a guideline names

_Translation.eventFilter  # Qt calls it for every event of the application
