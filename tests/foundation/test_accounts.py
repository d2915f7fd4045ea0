"""Login, logout, password change and reset, and the login throttle."""

from django.core import mail

from tests.conftest import PASSWORD


def test_login_with_the_form_and_logout(client, world):
    response = client.post("/accounts/login/", {"username": "member", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/"
    assert client.get("/").context["user"].username == "member"
    assert client.get("/accounts/logout/").status_code == 405
    client.post("/accounts/logout/")
    assert not client.get("/").context["user"].is_authenticated


def test_wrong_password_says_so_next_to_the_form(client, world):
    response = client.post("/accounts/login/", {"username": "member", "password": "nope"})
    assert response.status_code == 200
    assert "Please enter a correct username and password" in response.content.decode()


def test_five_failures_lock_the_account_for_that_address(client, world):
    for _ in range(5):
        client.post("/accounts/login/", {"username": "member", "password": "wrong"})
    response = client.post("/accounts/login/", {"username": "member", "password": PASSWORD})
    assert response.status_code == 429
    assert "locked for 15 minutes" in response.content.decode()


def test_password_change(client, world):
    client.force_login(world.member.user)
    response = client.post(
        "/accounts/password_change/",
        {
            "old_password": PASSWORD,
            "new_password1": "a much longer phrase 42",
            "new_password2": "a much longer phrase 42",
        },
    )
    assert response.status_code == 302
    world.member.user.refresh_from_db()
    assert world.member.user.check_password("a much longer phrase 42")


def test_password_reset_sends_a_link(client, world):
    response = client.post("/accounts/password_reset/", {"email": "member@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "/accounts/reset/" in mail.outbox[0].body
