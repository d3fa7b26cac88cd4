from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import reverse_lazy
from django.views.generic import FormView

from .forms import SignatureForm
from .models import Declaration, Signature


def declaration(request):
    current = Declaration.objects.current()
    signatures = Signature.objects.public().filter(declaration=current)
    context = {
        "declaration": current,
        "totals": signatures.totals(),
        "page_obj": Paginator(signatures, 50).get_page(request.GET.get("page")),
    }
    return render(request, "declarations/declaration.html", context)


class SignView(FormView):
    template_name = "declarations/sign.html"
    form_class = SignatureForm
    success_url = reverse_lazy("declarations:sign-thanks")

    def form_valid(self, form):
        form.instance.declaration = Declaration.objects.current()
        form.save()
        return super().form_valid(form)


def sign_thanks(request):
    return render(request, "declarations/sign_thanks.html")
