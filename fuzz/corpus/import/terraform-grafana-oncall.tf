terraform {
  required_providers {
    grafana = {
      source = "grafana/grafana"
    }
  }
}

data "grafana_oncall_user" "alex" {
  username = "alex@example.com"
}

data "grafana_oncall_user" "bob" {
  username = "bob"
}

data "grafana_oncall_team" "sre" {
  name = "SRE"
}

resource "grafana_oncall_escalation_chain" "default" {
  name    = "Critical"
  team_id = data.grafana_oncall_team.sre.id
}

resource "grafana_oncall_escalation" "notify_alex" {
  escalation_chain_id = grafana_oncall_escalation_chain.default.id
  type                = "notify_persons"
  important           = true
  persons_to_notify = [
    data.grafana_oncall_user.alex.id
  ]
  position = 0
}

resource "grafana_oncall_escalation" "wait" {
  escalation_chain_id = grafana_oncall_escalation_chain.default.id
  type                = "wait"
  duration            = 60 * 5
  position            = 1
}

resource "grafana_oncall_escalation" "schedule" {
  escalation_chain_id          = grafana_oncall_escalation_chain.default.id
  type                         = "notify_on_call_from_schedule"
  notify_on_call_from_schedule = grafana_oncall_schedule.primary.id
  position                     = 2
}

resource "grafana_oncall_escalation" "wait_more" {
  escalation_chain_id = grafana_oncall_escalation_chain.default.id
  type                = "wait"
  duration            = var.long_wait
  position            = 3
}

resource "grafana_oncall_escalation" "webhook" {
  escalation_chain_id = grafana_oncall_escalation_chain.default.id
  type                = "trigger_webhook"
  action_to_trigger   = "KGEFG74LU1D8L"
  position            = 4
}

resource "grafana_oncall_escalation" "again" {
  escalation_chain_id = grafana_oncall_escalation_chain.default.id
  type                = "repeat_escalation"
  position            = 5
}

resource "grafana_oncall_schedule" "primary" {
  name      = "Primary"
  type      = "calendar"
  time_zone = "Europe/Berlin"
  shifts = [
    grafana_oncall_on_call_shift.weekdays.id,
    grafana_oncall_on_call_shift.base.id,
  ]
  ical_url_overrides = "https://example.com/example_overrides_ical.ics"
}

resource "grafana_oncall_schedule" "legacy" {
  name             = "Example Ical Schadule"
  type             = "ical"
  ical_url_primary = "https://example.com/example_ical.ics"
}

// A 12 hour shift on week days with the on-call person rotating weekly.
resource "grafana_oncall_on_call_shift" "weekdays" {
  name       = "EMEA Weekday Shift"
  type       = "rolling_users"
  start      = "2022-02-28T03:00:00"
  duration   = 60 * 60 * 12 // 12 hours
  frequency  = "weekly"
  by_day     = ["MO", "TU", "WE", "TH", "FR"]
  week_start = "MO"
  level      = 1
  rolling_users = [
    [data.grafana_oncall_user.alex.id],
    [data.grafana_oncall_user.bob.id],
  ]
  start_rotation_from_user_index = 0
  until                          = "2027-01-01T00:00:00"
}

resource "grafana_oncall_on_call_shift" "base" {
  name          = "Base"
  type          = "rolling_users"
  start         = "2022-02-28T00:00:00"
  duration      = 604800
  frequency     = "weekly"
  interval      = 1
  level         = 0
  time_zone     = "UTC"
  rolling_users = [[data.grafana_oncall_user.bob.id], [data.grafana_oncall_user.alex.id]]
}
