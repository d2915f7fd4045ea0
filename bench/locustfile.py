"""The main journeys under load (make load): members browse, staff take attendance.

LOAD_MEETINGS names the meetings whose attendance staff save, LOAD_PASSWORD the demo password.
"""

import os
import random
import re

from locust import HttpUser, between, task

PASSWORD = os.environ.get("LOAD_PASSWORD", "demo")
MEETINGS = [int(pk) for pk in os.environ.get("LOAD_MEETINGS", "").split(",") if pk]
SEARCHES = ["legal", "housing", "spanish", "youth", "shelter", "health", ""]
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
STATUS_FIELD = re.compile(r'name="(status-\d+)"')
MEETING_LINK = re.compile(r'href="/meetings/(\d+)/"')
MINUTES_LINK = re.compile(r'href="(/meetings/\d+/minutes/)"')


def log_in(user, username):
    page = user.client.get("/accounts/login/", name="log in (form)")
    token = CSRF.search(page.text).group(1)
    with user.client.post(
        "/accounts/login/",
        {"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token},
        name="log in",
        catch_response=True,
    ) as response:
        if "Log out" not in response.text:
            response.failure(f"{username} could not log in")


class Member(HttpUser):
    weight = 4
    wait_time = between(0.5, 2)

    def on_start(self):
        log_in(self, "member")

    @task(4)
    def browse_resources(self):
        self.client.get(f"/resources/?q={random.choice(SEARCHES)}", name="/resources/?q=…")

    @task(3)
    def open_a_meeting(self):
        listing = self.client.get("/meetings/", name="/meetings/")
        ids = MEETING_LINK.findall(listing.text)
        if ids:
            pk = random.choice(ids)
            meeting = self.client.get(f"/meetings/{pk}/", name="/meetings/<id>/")
            # Members open minutes once they are approved: the page links to them then.
            for minutes in MINUTES_LINK.findall(meeting.text)[:1]:
                self.client.get(minutes, name="/meetings/<id>/minutes/")

    @task(1)
    def dashboard_and_directory(self):
        self.client.get("/", name="/ (dashboard)")
        self.client.get("/members/", name="/members/")


class Staff(HttpUser):
    weight = 1
    wait_time = between(1, 3)

    def on_start(self):
        log_in(self, "staff")

    @task
    def save_attendance(self):
        pk = random.choice(MEETINGS)
        page = self.client.get(f"/meetings/{pk}/attendance/", name="/meetings/<id>/attendance/")
        token = CSRF.search(page.text).group(1)
        data = {"csrfmiddlewaretoken": token}
        for field in set(STATUS_FIELD.findall(page.text)):
            data[field] = random.choice(["present", "present", "remote", "excused", "absent"])
        with self.client.post(
            f"/meetings/{pk}/attendance/", data, name="save attendance", catch_response=True
        ) as response:
            if "Attendance saved" not in response.text:
                response.failure("attendance was not saved")
