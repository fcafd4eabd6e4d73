"""When an article born from a prompt is published, the prompt's source is told."""

from __future__ import annotations

from django.utils import timezone
from wagtail.signals import page_published

from lontar.news.models import NewsArticlePage
from lontar.newsroom import registry
from lontar.newsroom.models import Prompt


def article_published(sender, instance, **kwargs) -> None:
    prompts = Prompt.objects.filter(article_id=instance.pk).exclude(status=Prompt.Status.PUBLISHED)
    for prompt in prompts:
        prompt.status = Prompt.Status.PUBLISHED
        prompt.published_at = timezone.now()
        prompt.save(update_fields=["status", "published_at"])
        source = registry.source(prompt.kind)
        if source is not None and source.attach is not None:
            object_key = prompt.suggestion.get("object_key", "")
            source.attach(object_key, instance.pk)


page_published.connect(article_published, sender=NewsArticlePage)
