terraform {
  required_providers {
    opsgenie = {
      source = "opsgenie/opsgenie"
    }
  }
}

data "opsgenie_user" "ana" {
  username = "ana.lima@example.com"
}

resource "opsgenie_user" "ben" {
  username  = "ben.okafor@example.com"
  full_name = "Ben Okafor"
  role      = "User"
  locale    = "en_US"
  timezone  = "Europe/Berlin"
}

resource "opsgenie_user" "chloe" {
  username  = "chloe.martin@example.com"
  full_name = "Chloe Martin"
  role      = "User"
  timezone  = "America/New_York"
}

resource "opsgenie_team" "payments" {
  name        = "Payments"
  description = "Payments engineers"
}

resource "opsgenie_schedule" "payments" {
  name        = "Payments on-call"
  description = "Primary on-call for payments"
  timezone    = "Europe/Berlin"
  enabled     = true
}

resource "opsgenie_schedule_rotation" "weekdays" {
  schedule_id = opsgenie_schedule.payments.id
  name        = "Weekday days"
  start_date  = "2026-01-05T08:00:00Z"
  type        = "weekly"
  length      = 1

  participant {
    type = "user"
    id   = data.opsgenie_user.ana.id
  }

  participant {
    type = "user"
    id   = opsgenie_user.ben.id
  }

  time_restriction {
    type = "time-of-day"

    restriction {
      start_hour = 9
      start_min  = 0
      end_hour   = 17
      end_min    = 30
    }
  }
}

resource "opsgenie_schedule_rotation" "weekends" {
  schedule_id = "${opsgenie_schedule.payments.id}"
  name        = "Weekends"
  start_date  = "2026-01-09T17:00:00Z"
  end_date    = "2026-12-31T17:00:00Z"
  type        = "daily"
  length      = 2

  participant {
    type = "user"
    id   = opsgenie_user.chloe.id
  }

  participant {
    type = "none"
  }

  time_restriction {
    type = "weekday-and-time-of-day"

    restrictions {
      start_day  = "friday"
      start_hour = 18
      start_min  = 0
      end_day    = "monday"
      end_hour   = 8
      end_min    = 0
    }
  }
}

resource "opsgenie_schedule" "infra" {
  name = "Infra"
}

resource "opsgenie_schedule_rotation" "infra" {
  schedule_id = opsgenie_schedule.infra.id
  start_date  = "2026-01-05T13:00:00Z"
  type        = "hourly"
  length      = 12

  participant {
    type = "user"
    id   = opsgenie_user.chloe.id
  }
}

resource "opsgenie_escalation" "critical" {
  name          = "Payments critical"
  description   = "Checkout is down or losing money"
  owner_team_id = opsgenie_team.payments.id

  rules {
    condition   = "if-not-acked"
    notify_type = "default"
    delay       = 0

    recipient {
      type = "schedule"
      id   = opsgenie_schedule.payments.id
    }
  }

  rules {
    condition   = "if-not-acked"
    notify_type = "default"
    delay       = 5

    recipient {
      type = "user"
      id   = data.opsgenie_user.ana.id
    }
  }

  rules {
    condition   = "if-not-acked"
    notify_type = "previous"
    delay       = 5

    recipient {
      type = "schedule"
      id   = opsgenie_schedule.infra.id
    }
  }

  rules {
    condition   = "if-not-closed"
    notify_type = "admins"
    delay       = 15

    recipient {
      type = "team"
      id   = opsgenie_team.payments.id
    }
  }

  rules {
    condition   = "if-not-acked"
    notify_type = "default"
    delay       = 60

    recipient {
      type = "user"
      id   = opsgenie_user.ben.id
    }
  }

  repeat {
    wait_interval          = 10
    count                  = 2
    reset_recipient_states = true
    close_alert_after_all  = false
  }
}
