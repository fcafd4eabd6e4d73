app_name = "podcast"
urlpatterns: list = []
