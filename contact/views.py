from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils import translation
from django.views.generic import FormView

from core.protection import FormLimits, ProtectedFormMixin

from .forms import ContactForm
from .models import SecretariatContact
from .services import receive_message


class ContactView(ProtectedFormMixin, FormView):
    template_name = "contact/contact.html"
    form_class = ContactForm
    success_url = reverse_lazy("contact:thanks")
    limits = FormLimits(scope="contact", email_field="email")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["contacts"] = SecretariatContact.objects.all()
        return context

    def form_valid(self, form):
        message = receive_message(form.save(commit=False), translation.get_language())
        self.request.session["contact_message"] = {"email": message.email}
        return redirect(self.get_success_url())


def thanks(request):
    sent = request.session.pop("contact_message", None)
    return render(request, "contact/thanks.html", {"sent": sent})
