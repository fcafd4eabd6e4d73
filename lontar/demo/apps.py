from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "lontar.demo"
    label = "demo"
    verbose_name = "Demo"
