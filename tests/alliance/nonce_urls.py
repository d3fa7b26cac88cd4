"""A page with an inline script, to test how the page cache treats the CSP nonce."""

from django.conf.urls.i18n import i18n_patterns
from django.http import HttpResponse
from django.template import engines
from django.urls import path

TEMPLATE = '<script nonce="{{ csp_nonce }}">document.title = "ok";</script>'


def inline_script(request):
    template = engines["django"].from_string(TEMPLATE)
    return HttpResponse(template.render({}, request))


urlpatterns = i18n_patterns(path("inline-script/", inline_script))
