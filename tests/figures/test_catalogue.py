"""/data/catalog.jsonld: a DCAT-AP catalogue of the open data files, read as RDF."""

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, RDF

from tests.factories import make_member

pytestmark = pytest.mark.django_db
FOAF = Namespace("http://xmlns.com/foaf/0.1/")


@pytest.fixture
def catalogue(client):
    make_member()
    response = client.get("/data/catalog.jsonld")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/ld+json"
    graph = Graph()
    graph.parse(data=response.content, format="json-ld")
    return graph


def test_the_catalogue_lists_a_dataset_per_data_file(catalogue):
    (catalog,) = catalogue.subjects(RDF.type, DCAT.Catalog)
    datasets = set(catalogue.objects(catalog, DCAT.dataset))
    downloads = {
        str(url)
        for dataset in datasets
        for distribution in catalogue.objects(dataset, DCAT.distribution)
        for url in catalogue.objects(distribution, DCAT.downloadURL)
    }
    assert {url.rsplit("/", 1)[-1] for url in downloads} >= {
        "members.csv",
        "members.json",
        "signatories.csv",
        "events.csv",
        "practices.csv",
        "practices.json",
    }
    assert len(datasets) == len(downloads)


def test_each_dataset_has_titles_and_descriptions_in_both_languages_a_licence_and_a_date(
    catalogue, settings
):
    for dataset in catalogue.subjects(RDF.type, DCAT.Dataset):
        for field in (DCTERMS.title, DCTERMS.description):
            languages = {value.language for value in catalogue.objects(dataset, field)}
            assert languages == {"en", "fr"}, (dataset, field)
        assert catalogue.value(dataset, DCTERMS.license) == URIRef(settings.DATA_LICENSE_URL)
        assert isinstance(catalogue.value(dataset, DCTERMS.modified), Literal)
        publisher = catalogue.value(dataset, DCTERMS.publisher)
        assert catalogue.value(publisher, RDF.type) == FOAF.Agent
        distribution = catalogue.value(dataset, DCAT.distribution)
        assert catalogue.value(distribution, DCAT.mediaType) is not None
        assert catalogue.value(distribution, DCTERMS.format) is not None
        assert catalogue.value(distribution, DCAT.accessURL) is not None
    french = {
        str(value)
        for value in catalogue.objects(None, DCTERMS.description)
        if value.language == "fr"
    }
    assert any("villes et régions" in text for text in french)


def test_every_download_address_answers(catalogue, client):
    urls = list(catalogue.objects(None, DCAT.downloadURL))
    assert urls
    for url in urls:
        path = str(url).removeprefix("http://testserver")
        assert client.get(path).status_code == 200, path


def test_the_open_data_page_links_to_the_catalogue(client):
    assert 'href="/data/catalog.jsonld"' in client.get("/en/data/").content.decode()
