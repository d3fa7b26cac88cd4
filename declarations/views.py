from urllib.parse import urlencode

from django.conf import settings
from django.core import signing
from django.core.paginator import Paginator
from django.db.models import Count, OuterRef, Subquery
from django.shortcuts import render
from django.urls import reverse_lazy
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST
from django.views.generic import FormView
from django_countries import countries

from core.cache import remember
from core.open_data import data_file, file_response
from core.pagination import CountedPaginator, filters_digest, keep_rows
from core.protection import FormLimits, ProtectedFormMixin, form_limits, retry_minutes
from core.text import normalise
from members.models import Member

from . import services
from .forms import SignatureFilterForm, SignatureForm
from .models import Declaration, Signature
from .open_data import COLUMNS

SIGNATURES_PER_PAGE = 50


def declaration(request):
    current = Declaration.objects.current()
    if current is None:
        return render(request, "declarations/declaration.html", {"declaration": None})
    signatures = Signature.objects.public().filter(declaration=current)
    # One pass over the signatures gives the totals and the countries to filter by.
    by_country = remember(
        f"declaration-{current.pk}-by-country",
        lambda: dict(signatures.order_by().values_list("country").annotate(Count("pk"))),
    )
    totals = {"signatures": sum(by_country.values()), "countries": len(by_country)}
    country_choices = remember(
        f"declaration-{current.pk}-countries:{translation.get_language()}",
        lambda: sorted(
            ((code, countries.name(code)) for code in by_country),
            key=lambda choice: normalise(choice[1]),
        ),
    )
    form = SignatureFilterForm(request.GET, countries=country_choices)
    listed = form.filter(signatures).listed()
    if form.active:
        paginator = Paginator(listed, SIGNATURES_PER_PAGE)
    else:  # the whole list: its length is the total shown above it
        paginator = CountedPaginator(listed, SIGNATURES_PER_PAGE, count=totals["signatures"])
    page = paginator.get_page(request.GET.get("page"))
    context = {
        "declaration": current,
        "totals": totals,
        "form": form,
        "filtered": bool(form.active),
        "page_obj": keep_rows(page, f"signatories-{current.pk}:{filters_digest(form.active)}"),
        "query_string": urlencode(form.active),
    }
    return render(request, "declarations/declaration.html", context)


class SignView(ProtectedFormMixin, FormView):
    template_name = "declarations/sign.html"
    form_class = SignatureForm
    limits = FormLimits(scope="declarations-sign", email_field="email")
    success_url = reverse_lazy("declarations:sign-thanks")

    def dispatch(self, request, *args, **kwargs):
        self.declaration = Declaration.objects.current()
        if self.declaration is None:
            return render(request, "declarations/declaration.html", {"declaration": None})
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "declaration": self.declaration}

    def get_context_data(self, **kwargs):
        return super().get_context_data(declaration=self.declaration, **kwargs)

    def form_valid(self, form):
        signature = form.save(commit=False)
        signature.language = translation.get_supported_language_variant(translation.get_language())
        # The same answer for a person who has signed already: the signatory is told by e-mail.
        services.receive_signature(signature)
        return super().form_valid(form)


def sign_thanks(request):
    return render(request, "declarations/sign_thanks.html")


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """The link in the confirmation e-mail: never a 500, whatever the token.

    Opening it shows one button; only its POST confirms, so the mail scanners that open every
    link in a message cannot confirm a signature the person never saw.
    """
    try:
        signature = services.signature_for_token(token)
    except signing.SignatureExpired:
        signature = services.signature_for_token(token, check_age=False)
        if signature is not None and signature.email_confirmed_at is None:
            context = {
                "signature": signature,
                "token": token,
                "max_age_days": settings.CONFIRMATION_MAX_AGE_DAYS,
            }
            return render(request, "declarations/confirm_expired.html", context, status=410)
    except signing.BadSignature:
        return render(request, "declarations/confirm_invalid.html", status=400)
    if signature is None:
        return render(request, "declarations/confirm_invalid.html", status=404)
    if request.method == "POST":
        services.confirm_email(signature)
    elif services.awaits_confirmation(signature):
        return render(request, "declarations/confirm.html", {"signature": signature})
    return render(request, "declarations/confirm_done.html", {"signature": signature})


@never_cache
@require_POST
@form_limits(FormLimits(scope="declarations-resend", email_field="email"))
def resend_confirmation(request, token):
    """A new confirmation link for an expired one, sent to the address the signature holds."""
    try:
        signature = services.signature_for_token(token, check_age=False)
    except signing.BadSignature:
        return render(request, "declarations/confirm_invalid.html", status=400)
    if signature is None:
        return render(request, "declarations/confirm_invalid.html", status=404)
    if signature.status != Signature.Status.PENDING or signature.email_confirmed_at:
        return render(request, "declarations/confirm_done.html", {"signature": signature})
    # The address written to is the signature's.
    limits = resend_confirmation.limits.rate_limits(request, email=signature.email)
    if seconds := limits.retry_after():
        context = {"retry_minutes": retry_minutes(seconds)}
        response = render(request, "429.html", context, status=429)
        response["Retry-After"] = str(seconds)
        return response
    services.send_confirmation_link(signature)
    limits.count()
    return render(request, "declarations/confirm_resent.html", {"signature": signature})


@data_file
def signatories_csv(request):
    """Open data: verified, consented signatures of published declarations; never e-mails.

    The member authority is named only when it has a public profile (Member's approved rule).
    """
    listed = Member.objects.approved().filter(pk=OuterRef("member_id")).values("slug")
    rows = (
        Signature.objects.public()
        .order_by("declaration__slug", "-signed_on", "full_name", "pk")
        .values(
            "declaration__slug",
            "full_name",
            "office",
            "authority_name",
            "country",
            "signed_on",
            member_slug=Subquery(listed),
        )
    )
    with translation.override("en"):
        offices = {office.value: str(office.label) for office in Signature.Office}

    def described(rows):
        for row in rows.iterator(chunk_size=2000):
            row["declaration"] = row["declaration__slug"]
            row["member"] = row["member_slug"]
            row["office_label"] = offices.get(row["office"], "")
            row["signed_on"] = row["signed_on"].isoformat()
            yield row

    return file_response(described(rows), COLUMNS, "signatories.csv")
