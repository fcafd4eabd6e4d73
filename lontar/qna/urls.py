app_name = "qna"
urlpatterns: list = []
