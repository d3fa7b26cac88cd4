from django.views.generic import DetailView, ListView

from .models import Article


class ArticleListView(ListView):
    template_name = "news/article_list.html"
    paginate_by = 10

    def get_queryset(self):
        return Article.objects.published()


class ArticleDetailView(DetailView):
    template_name = "news/article_detail.html"

    def get_queryset(self):
        return Article.objects.published()
