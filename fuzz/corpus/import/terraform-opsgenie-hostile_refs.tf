variable "start" {
  type = string
}

resource "opsgenie_schedule" "odd" {
  name     = "Odd schedule"
  timezone = "Mars/Olympus_Mons"
}

resource "opsgenie_schedule_rotation" "computed" {
  schedule_id = var.schedule_id
  name        = "Computed"
  start_date  = var.start
  type        = "weekly"

  participant {
    type = "user"
    id   = opsgenie_user.ghost.id
  }

  participant {
    type = "team"
    id   = opsgenie_team.nobody.id
  }
}

resource "opsgenie_escalation" "dangling" {
  name     = "Dangling"
  for_each = toset(["a", "b"])

  rules {
    condition   = "if-not-acked"
    notify_type = "default"
    delay       = 0

    recipient {
      type = "user"
      id   = data.opsgenie_user.ghost.id
    }

    recipient {
      type = "schedule"
      id   = opsgenie_schedule.missing.id
    }
  }

  rules {
    condition   = "if-not-acked"
    notify_type = "default"
    delay       = var.delay

    recipient {
      type = "schedule"
      id   = opsgenie_schedule.odd.id
    }
  }

  repeat {
    wait_interval = 5
    count         = 1000000000
  }
}

resource "opsgenie_escalation" "empty" {
  name = "Empty"
}
