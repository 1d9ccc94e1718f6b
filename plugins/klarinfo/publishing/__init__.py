"""Publishing: only a complete, checked site goes live.

Build into a staging folder and swap it in on success (``staging``), links and anchors
that resolve (``links``, ``anchor_links``), Material's bundle narrowed (``material_bundle``),
only data from docs/ published, never code (``published_files``),
a free port for ``make site`` (``ports``) and the build log watched for warnings
(``log_watch``); what an edit in ``make site`` needs rebuilt (``live_preview``).
"""

from klarinfo.publishing.live_preview import Snapshot, plan
from klarinfo.publishing.material_bundle import BundleChanged, replace_once

__all__ = ["BundleChanged", "Snapshot", "plan", "replace_once"]
