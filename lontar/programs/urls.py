app_name = "programs"
urlpatterns: list = []
