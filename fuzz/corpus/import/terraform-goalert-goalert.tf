terraform {
  required_providers {
    goalert = {
      source = "healdropper/goalert"
    }
  }
}

resource "goalert_user" "sre1" {
  name     = "Alex SRE"
  email    = "alex@example.com"
  role     = "user"
  username = "alex"
}

resource "goalert_user" "sre2" {
  name     = "Sam SRE"
  email    = "sam@example.com"
  role     = "user"
  username = "sam"
}

data "goalert_user" "lead" {
  email = "jane@example.com"
}

resource "goalert_rotation" "primary" {
  name         = "Primary SRE On-Call"
  description  = "Weekly primary on-call rotation"
  type         = "weekly"
  start_time   = "2026-10-01T09:00:00Z"
  time_zone    = "Europe/Madrid"
  shift_length = 1
  user_ids = [
    goalert_user.sre1.id,
    goalert_user.sre2.id,
  ]
}

resource "goalert_rotation" "secondary" {
  name       = "Secondary SRE"
  type       = "daily"
  start_time = "2026-10-01T08:00:00Z"
  time_zone  = "Europe/Madrid"
  user_ids   = [goalert_user.sre2.id, data.goalert_user.lead.id]
}

resource "goalert_schedule" "engineering" {
  name        = "Engineering On-Call"
  description = "Primary engineering shifts and coverage calendar"
  time_zone   = "Europe/Madrid"
}

resource "goalert_schedule_rule" "always_primary" {
  schedule_id = goalert_schedule.engineering.id
  target_type = "rotation"
  target_id   = goalert_rotation.primary.id
  start_time  = "00:00"
  end_time    = "00:00"
}

resource "goalert_schedule_rule" "weekday_coverage" {
  schedule_id    = goalert_schedule.engineering.id
  target_type    = "rotation"
  target_id      = goalert_rotation.secondary.id
  start_time     = "09:00"
  end_time       = "17:00"
  weekday_filter = [false, true, true, true, true, true, false] # Mon-Fri
}

resource "goalert_user_override" "vacation_swap" {
  schedule_id    = goalert_schedule.engineering.id
  start_time     = "2026-10-05T00:00:00Z"
  end_time       = "2026-10-12T00:00:00Z"
  add_user_id    = data.goalert_user.lead.id
  remove_user_id = goalert_user.sre1.id
}

resource "goalert_escalation_policy" "production" {
  name        = "Production High Priority"
  description = "Escalates critical alerts to on-call destinations"
  repeat      = 3

  step {
    delay_minutes = 5
    multi_ack     = true
    user_ids      = [goalert_user.sre1.id]
    rotation_ids  = [goalert_rotation.primary.id]
    schedule_ids  = [goalert_schedule.engineering.id]
    webhook_action {
      url = "https://events.example.com/alerts"
    }
  }

  step {
    delay_minutes = 10
    rotation_ids  = [goalert_rotation.secondary.id, var.extra_rotation_id]
  }
}

resource "goalert_service" "payments" {
  name                 = "Payments"
  escalation_policy_id = goalert_escalation_policy.production.id
}
