import csv
import json

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse_lazy
from django.views.generic import DetailView, FormView, ListView
from django_countries import countries

from .forms import JoinForm
from .map import MapFilterForm, map_queryset, render_member_map
from .models import Member

PUBLIC_FIELDS = ["name", "slug", "kind", "country", "website", "latitude", "longitude", "joined_on"]


class MemberListView(ListView):
    template_name = "members/member_list.html"
    paginate_by = 50

    def get_queryset(self):
        return Member.objects.approved()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["totals"] = self.get_queryset().totals()
        return context


class MemberDetailView(DetailView):
    template_name = "members/member_detail.html"

    def get_queryset(self):
        return Member.objects.approved()


def member_map(request):
    form = MapFilterForm(request.GET)
    members = map_queryset(form.filter(Member.objects.approved()))
    context = {
        "form": form,
        "member_map": render_member_map(members, country=form.selection.get("country")),
    }
    return render(request, "members/member_map.html", context)


def country_list(request):
    return render(request, "members/country_list.html", {"countries": list(countries)})


def country_detail(request, code):
    code = code.upper()
    if code not in dict(countries):
        raise Http404
    members = Member.objects.approved().filter(country=code)
    context = {"country": code, "country_name": dict(countries)[code], "members": members}
    return render(request, "members/country_detail.html", context)


class JoinView(FormView):
    template_name = "members/join.html"
    form_class = JoinForm
    success_url = reverse_lazy("members:join-thanks")

    def form_valid(self, form):
        form.save()
        return super().form_valid(form)


def join_thanks(request):
    return render(request, "members/join_thanks.html")


def members_csv(request):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    writer = csv.writer(response)
    writer.writerow(PUBLIC_FIELDS)
    for row in Member.objects.approved().values_list(*PUBLIC_FIELDS):
        writer.writerow(row)
    return response


def members_json(request):
    rows = list(Member.objects.approved().values(*PUBLIC_FIELDS))
    return JsonResponse({"members": json.loads(json.dumps(rows, default=str))})
