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


def fail_login(client, username, **headers):
    return client.post("/accounts/login/", {"username": username, "password": "wrong"}, **headers)


def test_thirty_usernames_from_one_address_lock_the_address(client, world):
    answers = [fail_login(client, f"guess{i}").status_code for i in range(30)]
    # The twentieth failure from the address locks it, whatever the usernames.
    assert answers[:19] == [200] * 19
    assert set(answers[19:]) == {429}
    # Even the right password for a real account waits, from that address...
    assert client.post("/accounts/login/", {"username": "member", "password": PASSWORD}).status_code == 429
    # ...but not from another one.
    response = client.post("/accounts/login/", {"username": "member", "password": PASSWORD}, REMOTE_ADDR="198.51.100.7")
    assert response.status_code == 302


def test_x_forwarded_for_is_ignored_without_trusted_proxies(client, world):
    for i in range(20):
        fail_login(client, f"guess{i}", HTTP_X_FORWARDED_FOR=f"203.0.113.{i}")
    # Each request named another address, but they all came from 127.0.0.1: locked.
    assert fail_login(client, "another", HTTP_X_FORWARDED_FOR="203.0.113.99").status_code == 429


def test_x_forwarded_for_is_honoured_from_a_trusted_proxy(client, world, settings):
    import ipaddress

    settings.TRUSTED_PROXIES = [ipaddress.ip_network("127.0.0.0/8")]
    for _ in range(20):
        fail_login(client, "guess", HTTP_X_FORWARDED_FOR="203.0.113.1")
    assert fail_login(client, "guess", HTTP_X_FORWARDED_FOR="203.0.113.1").status_code == 429
    # Another client behind the same proxy is not locked, and a forged left-hand entry changes nothing.
    assert fail_login(client, "guess", HTTP_X_FORWARDED_FOR="203.0.113.2").status_code == 200
    assert fail_login(client, "guess", HTTP_X_FORWARDED_FOR="198.51.100.1, 203.0.113.1").status_code == 429


def test_password_reset_is_limited_per_email_without_telling_whether_it_exists(client, world):
    for email in ["member@example.org", "nobody@example.org"]:
        answers = [client.post("/accounts/password_reset/", {"email": email}).status_code for _ in range(4)]
        assert answers == [302, 302, 302, 429]
    response = client.post("/accounts/password_reset/", {"email": "MEMBER@example.org"})
    assert response.status_code == 429
    assert "Too many reset requests from here or for this email address." in response.content.decode()
    assert len(mail.outbox) == 3


def test_password_reset_is_limited_per_address(client, world):
    answers = [
        client.post("/accounts/password_reset/", {"email": f"someone{i}@example.org"}).status_code for i in range(11)
    ]
    assert answers == [302] * 10 + [429]
    other = client.post("/accounts/password_reset/", {"email": "x@example.org"}, REMOTE_ADDR="198.51.100.7")
    assert other.status_code == 302
