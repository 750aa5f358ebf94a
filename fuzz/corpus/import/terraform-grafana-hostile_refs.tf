resource "grafana_oncall_escalation_chain" "dangling" {
  name = "Dangling"
}

resource "grafana_oncall_escalation" "missing_schedule" {
  escalation_chain_id          = grafana_oncall_escalation_chain.dangling.id
  type                         = "notify_on_call_from_schedule"
  notify_on_call_from_schedule = grafana_oncall_schedule.nope.id
  position                     = 0
}

resource "grafana_oncall_escalation" "ghost" {
  escalation_chain_id = grafana_oncall_escalation_chain.dangling.id
  type                = "notify_persons"
  persons_to_notify   = [data.grafana_oncall_user.ghost.id, local.someone]
  position            = 1
}

resource "grafana_oncall_escalation" "orphan" {
  escalation_chain_id = grafana_oncall_escalation_chain.gone.id
  type                = "notify_persons"
  persons_to_notify   = []
  position            = 0
}

resource "grafana_oncall_schedule" "loop" {
  name   = "Loop"
  type   = "calendar"
  shifts = [grafana_oncall_on_call_shift.loop.id, grafana_oncall_on_call_shift.loop.id]
}

resource "grafana_oncall_on_call_shift" "loop" {
  name          = "Loop shift"
  type          = "rolling_users"
  start         = "2026-01-05T00:00:00"
  duration      = 604800
  frequency     = "weekly"
  rolling_users = []
}
