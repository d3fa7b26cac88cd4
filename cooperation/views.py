from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils import translation
from django.views.generic import FormView

from core.protection import FormLimits, ProtectedFormMixin

from .forms import ProposalForm
from .services import submit_proposal


class CooperateView(ProtectedFormMixin, FormView):
    template_name = "cooperation/cooperate.html"
    form_class = ProposalForm
    success_url = reverse_lazy("cooperation:thanks")
    limits = FormLimits(scope="cooperate", email_field="contact_email")

    def form_valid(self, form):
        try:
            proposal = submit_proposal(
                form.save(commit=False), form.cleaned_data["themes"], translation.get_language()
            )
        except IntegrityError:
            # The same organisation was sent twice at once and the other proposal won: say so.
            try:
                form.instance.clean()
            except ValidationError as error:
                form.add_error(None, error)
            else:
                raise
            return self.form_invalid(form)
        self.request.session["proposal"] = {
            "name": proposal.name,
            "email": proposal.contact_email,
        }
        return redirect(self.get_success_url())


def thanks(request):
    proposal = request.session.pop("proposal", None)
    return render(request, "cooperation/thanks.html", {"proposal": proposal})
