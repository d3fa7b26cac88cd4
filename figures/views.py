from django.shortcuts import render
from django.views.decorators.http import require_safe

from core.cache import remember
from declarations.models import Signature
from members.models import approved_counts, totals_of
from practices.models import Practice

from . import counts


@require_safe
def figures(request):
    """The Alliance in figures: charts drawn on the server, each with its numbers as a table.

    A public page like the others: the page cache keeps it until the public data change."""
    context = {
        "charts": counts.public_charts(),
        # The home page's counters, from the same cached aggregates.
        "member_totals": totals_of(approved_counts()),
        "signature_totals": remember(
            "signature-totals", lambda: Signature.objects.public().totals()
        ),
        "practice_count": Practice.objects.published().count(),
    }
    return render(request, "figures/figures.html", context)
