"""The participants' space, under /participants/: signing in by link, then the pages of one
member authority, each scoped to the member the person acts for (never another's)."""

import functools
import logging
from urllib.parse import urlencode

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import DatabaseError, transaction
from django.db.models import Prefetch
from django.db.models.functions import Lower
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST
from django.views.generic import FormView

from core import files
from core.personal_data import download
from core.protection import FormLimits, ProtectedFormMixin, not_stored_message
from events.models import Event, Registration
from library.models import Document, DocumentFile
from news.models import Article
from practices import services as practice_services
from practices.models import Practice
from practices.views import PracticeDetailView, with_listed_relations

from . import auth, services
from .forms import (
    AttachmentFormSet,
    DirectoryFilterForm,
    DirectoryListingForm,
    PracticeForm,
    PracticeLinkFormSet,
    ProfileForm,
    SignInForm,
)
from .models import ContactPerson, ProfileChangeRequest

logger = logging.getLogger(__name__)


def private(response):
    """Signed-in pages: never kept by a shared cache or indexed (X-Robots-Tag with the meta)."""
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def participant_required(view):
    """Lets in a signed-in contact person who has chosen their member; `request.participant`."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        participant = auth.participant_of(request)
        if participant is None:
            if request.user.is_authenticated and not request.user.is_staff:
                # Removed, or their member has left, since they signed in.
                auth.sign_out(request)
                messages.warning(request, _("Your access to the members’ space has ended."))
            return redirect("participants:index")
        if participant.contact is None:
            return redirect("participants:choose")
        request.participant = participant
        return private(view(request, *args, **kwargs))

    return wrapper


def not_stored(request, template, form, context=None):
    """The database failed to store a form: nothing of it is kept, it comes back as typed."""
    logger.exception("Could not store a post to %s", request.path)
    form.add_error(None, not_stored_message())
    response = space(request, template, {"form": form, **(context or {})}, status=503)
    response["Retry-After"] = "30"
    return response


# The space's pages below one of its navigation's entries (the others are entries themselves).
SECTIONS = {
    "profile-edit": "profile",
    "change-request": "profile",
    "practice-create": "practices",
    "practice": "practices",
    "practice-edit": "practices",
    "practice-preview": "practices",
    "article": "news",
    "directory-listing": "my-data",
}


def space(request, template, context=None, status=200):
    participant = request.participant
    match = request.resolver_match
    here = match.url_name if match else None
    context = {
        "participant": participant,
        "contact": participant.contact,
        "member": participant.member,
        "noindex": True,
        "here": here,
        "section": SECTIONS.get(here, here),
        **(context or {}),
    }
    return render(request, template, context, status=status)


# The page a visitor was on when asked to sign in (?next=…), kept in their session until their
# link signs them in: they are brought back to it instead of the overview.
NEXT_SESSION_KEY = "participants_next"


def page_to_return_to(url):
    """`url` if it is a path on this site, else "": never another site's address."""
    if not url or len(url) > 2000 or not url.startswith("/"):
        return ""
    return url if url_has_allowed_host_and_scheme(url, allowed_hosts=None) else ""


class SignInView(ProtectedFormMixin, FormView):
    """/participants/: the e-mail form, or the space's home once signed in."""

    template_name = "participants/sign_in.html"
    form_class = SignInForm
    # What a stranger sends with a contact person's address never refuses them: the links one
    # address receives are limited by the task that sends them (services.send_sign_in_link).
    limits = FormLimits(scope="participants-sign-in", email_field="email", email_silently=True)

    def dispatch(self, request, *args, **kwargs):
        wanted = page_to_return_to(request.GET.get("next"))
        if auth.participant_of(request) is not None:
            return redirect(wanted) if wanted else home(request)
        if request.method == "GET":
            if wanted:
                request.session[NEXT_SESSION_KEY] = wanted
            else:
                request.session.pop(NEXT_SESSION_KEY, None)
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        services.ask_for_sign_in_link(form.cleaned_data["email"], translation.get_language())
        # The same page whether or not the address is a contact person's.
        self.request.session["participants_link_sent_to"] = form.cleaned_data["email"]
        return redirect("participants:sent")


def link_sent(request):
    email = request.session.pop("participants_link_sent_to", None)
    if email is None:
        return redirect("participants:index")
    return render(request, "participants/link_sent.html", {"email": email})


def link(request):
    """The e-mailed link: a page with one button, so that a mail scanner opening the link does
    not use it up; the button signs in (once)."""
    token = auth.token_in(request.POST if request.method == "POST" else request.GET)
    if request.method == "POST":
        user = auth.use_token(token)
        if user is not None and auth.contacts_of(user).exists():
            auth.sign_in(request, user)
            wanted = page_to_return_to(request.session.pop(NEXT_SESSION_KEY, ""))
            return redirect(wanted or "participants:index")
        user = None
    else:
        user = auth.user_of_token(token)
        if user is not None and not auth.contacts_of(user).exists():
            user = None
    if user is None:
        response = render(
            request, "participants/link_invalid.html", {"form": SignInForm()}, status=400
        )
    else:
        response = render(request, "participants/link_confirm.html", {"token": token})
    # The token must not leak to another site through the Referer ("no-referrer" would make
    # the browser send "Origin: null" with the button's post, which the CSRF check refuses).
    response["Referrer-Policy"] = "same-origin"
    return private(response)


def choose(request):
    """An address that is the contact of several members: the person says which they act for."""
    participant = auth.participant_of(request)
    if participant is None:
        return redirect("participants:index")
    if request.method == "POST":
        for contact in participant.choices:
            if str(contact.member_id) == request.POST.get("member"):
                request.session[auth.MEMBER_SESSION_KEY] = contact.member_id
                return redirect("participants:index")
    response = render(
        request,
        "participants/choose.html",
        {"choices": participant.choices, "current": participant.contact, "noindex": True},
    )
    return private(response)


@require_POST
def sign_out(request):
    auth.sign_out(request)
    messages.success(request, _("You have signed out."))
    return redirect("participants:index")


@participant_required
def home(request):
    """The overview: what is waiting for the member, and what is coming."""
    member = request.participant.member
    practices = _practices_of(member)
    emails = (
        ContactPerson.objects.filter(member=member)
        .annotate(address=Lower("email"))
        .values("address")
    )
    return space(
        request,
        "participants/home.html",
        {
            "pending_changes": member.profile_change_requests.filter(
                status=ProfileChangeRequest.Status.PENDING
            ).count(),
            "change_requests": member.profile_change_requests.order_by("-created_at", "-pk")[:5],
            "drafts": practices.filter(status=Practice.Status.DRAFT)[:5],
            "in_review": practices.filter(
                status__in=[Practice.Status.SUBMITTED, Practice.Status.RETURNED]
            )[:5],
            "practices": practices.filter(status=Practice.Status.PUBLISHED)[:5],
            "events": Event.objects.published().upcoming().summaries()[:3],
            "registrations": Registration.objects.exclude(status=Registration.Status.CANCELLED)
            .annotate(address=Lower("email"))
            .filter(address__in=emails, event__ends_at__gte=timezone.now())
            .select_related("event")
            .order_by("event__starts_at", "pk")[:10],
            "articles": Article.objects.for_participants()
            .filter(participants_only=True)
            .summaries()[:3],
        },
    )


# Their profile and its change requests


@participant_required
def profile(request):
    member = request.participant.member
    return space(
        request,
        "participants/profile.html",
        {"change_requests": member.profile_change_requests.select_related("contact")[:20]},
    )


@participant_required
def profile_edit(request):
    member = request.participant.member
    form = ProfileForm(request.POST or None, request.FILES or None, member=member)
    if request.method == "POST" and form.is_valid():
        changes = form.changes()
        logo = form.cleaned_data.get("logo")
        if not changes and logo is None:
            form.add_error(None, _("Nothing was changed: the profile is already like this."))
        else:
            try:
                change_request = services.propose_changes(
                    request.participant.contact, changes, logo
                )
            except services.TooManyPendingChanges:
                limit = services.MAX_PENDING_CHANGE_REQUESTS
                form.add_error(
                    None,
                    ngettext(
                        "Not sent: %(count)d change of your authority’s profile is already "
                        "waiting for the secretariat. Everything you typed is still here; "
                        "please send it once they have dealt with it.",
                        "Not sent: %(count)d changes of your authority’s profile are already "
                        "waiting for the secretariat. Everything you typed is still here; "
                        "please send it once they have dealt with one of them.",
                        limit,
                    )
                    % {"count": limit},
                )
                return space(request, "participants/profile_edit.html", {"form": form}, status=429)
            except DatabaseError:
                return not_stored(request, "participants/profile_edit.html", form)
            messages.success(
                request,
                _(
                    "Your changes are sent to the secretariat. The public page changes once they approve them."
                ),
            )
            return redirect("participants:change-request", pk=change_request.pk)
    status = 400 if form.errors else 200
    return space(request, "participants/profile_edit.html", {"form": form}, status=status)


@participant_required
def change_request(request, pk):
    member = request.participant.member
    item = get_object_or_404(member.profile_change_requests, pk=pk)
    return space(request, "participants/change_request.html", {"change_request": item})


# Their practices


def _practices_of(member):
    return Practice.objects.filter(members=member).order_by("-updated_at", "-pk")


def _own_practice(request, pk):
    return get_object_or_404(_practices_of(request.participant.member), pk=pk)


@participant_required
def practice_list(request):
    practices = _practices_of(request.participant.member)
    page = Paginator(practices, 20).get_page(request.GET.get("page"))
    return space(request, "participants/practice_list.html", {"page_obj": page})


def practice_formsets(request, practice, language):
    """The practice's files and links as posted, or as they are; a new file is by default in
    the `language` the practice is written in. A post without them (their management form),
    from a client that sends the practice's fields only, changes none."""
    formsets = []
    for formset_class, prefix in ((AttachmentFormSet, "files"), (PracticeLinkFormSet, "links")):
        posted = request.method == "POST" and f"{prefix}-TOTAL_FORMS" in request.POST
        formsets.append(
            formset_class(
                request.POST if posted else None,
                request.FILES if posted else None,
                instance=practice,
                prefix=prefix,
                initial=[{"language": language}] * formset_class.extra,
            )
        )
    return formsets


def practice_form(request, practice=None):
    """The guide to write a practice, new or a draft; its files and links with it.

    "Save and preview" saves the draft, then shows it as its public page will be."""
    new = practice is None
    form = PracticeForm(
        request.POST or None,
        request.FILES or None,
        instance=practice,
        language=request.GET.get("language"),
    )
    files, links = practice_formsets(request, form.instance, form.language)
    formsets = [files, links]
    # Every part checked, so that the page lists all that is to correct at once.
    checked = [part.is_valid() for part in (form, *formsets) if part.is_bound]
    valid = form.is_bound and all(checked)
    template = "participants/practice_form.html"
    context = {"form": form, "files": files, "links": links, "practice": practice}
    if valid:
        practice = form.save(commit=False)
        if new:
            practice.status = Practice.Status.DRAFT
            practice.submitter_email = request.participant.contact.email
            practice.submitter_language = request.participant.contact.language
            practice._change_reason = "drafted in the participants’ space"
        else:
            practice._change_reason = "edited in the participants’ space"
        try:
            # The draft, its themes, its member, files and links together, or nothing: a draft
            # without its member would be out of the space's sight, and sending again would
            # make another.
            with transaction.atomic():
                practice.save()
                form.save_m2m()
                if new:
                    practice.members.add(request.participant.member)
                for formset in formsets:
                    if formset.is_bound:
                        formset.instance = practice
                        formset.save()
        except DatabaseError:
            return not_stored(request, template, form, context)
        if "preview" in request.POST:
            return redirect("participants:practice-preview", pk=practice.pk)
        if new:
            messages.success(request, _("The draft is saved. Submit it when it is ready."))
        else:
            messages.success(request, _("The draft is saved."))
        return redirect("participants:practice", pk=practice.pk)
    if request.method == "POST":
        # A browser cannot be given back the files of a refused form: they are named, to be
        # chosen again.
        context["choose_again"] = [
            label for key, label in upload_labels(form, formsets).items() if key in request.FILES
        ]
    status = 400 if request.method == "POST" else 200
    return space(request, template, context, status=status)


def upload_labels(form, formsets):
    """{posted name of a file input: its label}, "File 2" for the second file of the list."""
    labels = {form.add_prefix("image"): form.fields["image"].label}
    for number, item in enumerate(formsets[0].forms, start=1):
        labels[item.add_prefix("file")] = _("File %(number)s") % {"number": number}
    return labels


@participant_required
@require_http_methods(["GET", "POST"])
def practice_create(request):
    return practice_form(request)


@participant_required
@require_http_methods(["GET", "POST"])
def practice_edit(request, pk):
    practice = _own_practice(request, pk)
    if practice.status not in practice_services.SUBMITTABLE:
        messages.warning(request, _("Only a draft or a returned practice can be changed."))
        return redirect("participants:practice", pk=practice.pk)
    return practice_form(request, practice)


@participant_required
def practice_detail(request, pk):
    practice = _own_practice(request, pk)
    return space(
        request,
        "participants/practice_detail.html",
        {
            "practice": practice,
            "can_change": practice.status in practice_services.SUBMITTABLE,
            "attachments": practice.attachments.all(),
            "links": practice.links.all(),
        },
    )


class PracticePreview(PracticeDetailView):
    """A practice of the contact's member as its public page shows it (the same template),
    marked as a preview: not published, never indexed or cached (`participant_required`)."""

    def get_queryset(self):
        practices = _practices_of(self.request.participant.member)
        return with_listed_relations(practices).prefetch_related("links", "attachments")

    def reads_each_time(self):
        return True  # a draft, for its member's contacts only: never kept

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        if self.object.is_public:
            return redirect(self.object.get_absolute_url())
        return self.render_to_response(self.get_context_data(object=self.object))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            preview=True,
            space_preview=True,
            can_change=self.object.status in practice_services.SUBMITTABLE,
        )
        return context


practice_preview = participant_required(PracticePreview.as_view())


@participant_required
def practice_file(request, pk, file_pk):
    """A file of one of the member's practices, for its contact persons before it is
    published (once it is, it is also everyone's: practices.views.attachment)."""
    practice = _own_practice(request, pk)
    item = get_object_or_404(practice.attachments.all(), pk=file_pk)
    allowed = files.access(
        request,
        practice,
        Practice.objects.published(),
        participants=_practices_of(request.participant.member),
        participant=True,
    )
    return files.serve_private(
        request, item.file, slugify(item.title) or "attachment", allowed=allowed
    )


@participant_required
@require_POST
def practice_submit(request, pk):
    practice = _own_practice(request, pk)
    if practice_services.submit_practice(practice, by_contact=request.participant.contact):
        messages.success(request, _("The practice is sent to the secretariat for publication."))
    else:
        messages.info(request, _("This practice was already sent."))
    return redirect("participants:practice", pk=practice.pk)


# The directory of the other members' contact persons


@participant_required
def directory(request):
    member = request.participant.member
    others = (
        ContactPerson.objects.listed()
        .exclude(member=member)
        .select_related("member")
        .prefetch_related("themes")
        .order_by("member__country", "member__name", "name", "pk")
    )
    codes = (
        ContactPerson.objects.listed()
        .exclude(member=member)
        .order_by()
        .values_list("member__country", flat=True)
        .distinct()
    )
    form = DirectoryFilterForm(request.GET, country_codes=list(codes))
    page = Paginator(form.filter(others), 50).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "filtered": bool(form.active),
        "page_obj": page,
        "query_string": urlencode(form.active),
    }
    return space(request, "participants/directory.html", context)


# What staff keep for the participants


@participant_required
def news_list(request):
    articles = Article.objects.for_participants().filter(participants_only=True).summaries()
    documents = Document.objects.for_participants().filter(participants_only=True).summaries()
    return space(
        request,
        "participants/news_list.html",
        {
            "articles": Paginator(articles, 20).get_page(request.GET.get("page")),
            "documents": documents.prefetch_related(
                Prefetch("files", queryset=DocumentFile.objects.order_by("language"))
            )[:50],
        },
    )


@participant_required
def article_detail(request, slug):
    article = get_object_or_404(Article.objects.for_participants(), slug=slug)
    if not article.participants_only:
        return redirect(article.get_absolute_url())
    return space(request, "participants/article_detail.html", {"article": article})


@participant_required
def document_file(request, slug, language):
    item = get_object_or_404(
        DocumentFile.objects.select_related("document"), document__slug=slug, language=language
    )
    allowed = files.access(
        request,
        item.document,
        Document.objects.published(),
        participants=Document.objects.for_participants(),
        participant=True,
    )
    return files.serve_private(request, item.file, f"{slug}-{language}", allowed=allowed)


# Their own data


@participant_required
def my_data(request):
    contact = request.participant.contact
    if request.method == "POST":
        if contact.removal_requested_at is None:
            services.request_removal(contact)
        messages.success(
            request,
            _(
                "Your request is sent to the secretariat: they will remove your details and tell you."
            ),
        )
        return redirect("participants:my-data")
    return space(
        request, "participants/my_data.html", {"listing": DirectoryListingForm(instance=contact)}
    )


@participant_required
def directory_listing(request):
    """The contact person decides whether the directory lists them, and with what."""
    contact = request.participant.contact
    form = DirectoryListingForm(request.POST or None, instance=contact)
    if request.method == "POST" and form.is_valid():
        contact._change_reason = "directory listing chosen in the participants’ space"
        try:
            with transaction.atomic():  # the choice and its themes
                form.save()
        except DatabaseError:
            return not_stored(request, "participants/my_data.html", form, {"listing": form})
        messages.success(request, _("Your choices for the directory are saved."))
        return redirect("participants:my-data")
    status = 400 if form.errors else 200
    return space(request, "participants/my_data.html", {"listing": form}, status=status)


@participant_required
def my_data_export(request):
    contacts = auth.contacts_of(request.user).order_by("pk")
    return download([services.personal_data(contact) for contact in contacts], "participant")
