"""Articles, practices and events share one picture with its text alternative
(core.images.PictureModel): kept in their own folder by year, described when shown."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from events.models import Event
from news.models import Article
from practices.models import Practice

PICTURED = [(Article, "news"), (Practice, "practices"), (Event, "events")]


@pytest.mark.parametrize(("model", "folder"), PICTURED, ids=["article", "practice", "event"])
def test_a_picture_is_kept_in_its_app_s_folder_of_the_year(model, folder):
    name = model._meta.get_field("image").generate_filename(model(), "photo.jpg")

    assert name == f"{folder}/{timezone.now():%Y}/photo.jpg"


@pytest.mark.parametrize(("model", "folder"), PICTURED, ids=["article", "practice", "event"])
def test_a_picture_without_its_description_is_refused(model, folder):
    # With its size known, as it is once stored: no file is opened.
    record = model(image=f"{folder}/2026/photo.jpg", image_width=8, image_height=8, image_alt="")

    with pytest.raises(ValidationError) as refused:
        record.clean()

    assert refused.value.message_dict["image_alt"] == [
        "Describe the image for people who cannot see it."
    ]
