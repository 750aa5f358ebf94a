resource "pagerduty_schedule" "empty" {
  name      = "No layers"
  time_zone = "UTC"
}

resource "pagerduty_escalation_policy" "odd" {
  name      = "Odd Policy"
  num_loops = 40

  rule {
    escalation_delay_in_minutes = 10
    target {
      type = "user_reference"
      id   = pagerduty_user.ghost.id
    }
  }

  rule {
    escalation_delay_in_minutes = 5
    target {
      type = "schedule_reference"
      id   = pagerduty_schedule.empty.id
    }
  }

  rule {
    escalation_delay_in_minutes = var.delay
    target {
      id = "PLITERAL"
    }
  }
}
