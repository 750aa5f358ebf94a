terraform {
  required_providers {
    pagerduty = {
      source = "PagerDuty/pagerduty"
    }
  }
}

resource "pagerduty_team" "example" {
  name        = "Engineering"
  description = "All engineering"
}

resource "pagerduty_user" "earline" {
  name      = "Earline Greenholt"
  email     = "125.greenholt.earline@graham.name"
  time_zone = "America/Lima"
  teams     = [pagerduty_team.example.id]
}

resource "pagerduty_user" "kurt" {
  name      = "Kurt Hauck"
  email     = "kurt.hauck@example.com"
  time_zone = "Berlin"
}

data "pagerduty_user" "dana" {
  email = "dana.whitfield@example.com"
}

resource "pagerduty_schedule" "engineering" {
  name      = "Daily Engineering Rotation"
  time_zone = "America/New_York"

  layer {
    name                         = "Night Shift"
    start                        = "2026-01-05T20:00:00-05:00"
    end                          = "2027-01-05T20:00:00-05:00"
    rotation_virtual_start       = "2026-01-05T20:00:00-05:00"
    rotation_turn_length_seconds = 86400
    users                        = [pagerduty_user.earline.id, pagerduty_user.kurt.id]

    restriction {
      type              = "daily_restriction"
      start_time_of_day = "20:00:00"
      duration_seconds  = 43200
    }
  }

  layer {
    name                         = "Weekday Days"
    start                        = "2026-01-12T09:00:00-05:00"
    rotation_virtual_start       = "2026-01-05T09:00:00-05:00"
    rotation_turn_length_seconds = 604800
    users                        = [data.pagerduty_user.dana.id, pagerduty_user.kurt.id]

    restriction {
      type              = "weekly_restriction"
      start_day_of_week = 1
      start_time_of_day = "09:00:00"
      duration_seconds  = 28800
    }

    restriction {
      type              = "weekly_restriction"
      start_day_of_week = 3
      start_time_of_day = "09:00:00"
      duration_seconds  = 28800
    }
  }

  teams = [pagerduty_team.example.id]
}

resource "pagerduty_schedule" "database" {
  name      = "Database Primary"
  time_zone = "Europe/Berlin"

  layer {
    name                         = "Layer 1"
    start                        = "2026-01-02T18:00:00+01:00"
    rotation_virtual_start       = "2026-01-02T18:00:00+01:00"
    rotation_turn_length_seconds = 43200
    users                        = [pagerduty_user.kurt.id, pagerduty_user.earline.id]

    restriction {
      type              = "weekly_restriction"
      start_day_of_week = 5
      start_time_of_day = "18:00:00"
      duration_seconds  = 226800
    }
  }
}

data "pagerduty_schedule" "legacy" {
  name = "Legacy Ops"
}

resource "pagerduty_escalation_policy" "engineering" {
  name        = "Engineering Escalation Policy"
  description = var.policy_description
  num_loops   = 2
  teams       = [pagerduty_team.example.id]

  rule {
    escalation_delay_in_minutes = 10
    target {
      type = "user_reference"
      id   = pagerduty_user.earline.id
    }
    target {
      type = "schedule_reference"
      id   = pagerduty_schedule.engineering.id
    }
  }

  rule {
    escalation_delay_in_minutes = 30
    escalation_rule_assignment_strategy {
      type = "round_robin"
    }
    target {
      id = pagerduty_user.kurt.id
    }
    target {
      id = data.pagerduty_user.dana.id
    }
  }

  rule {
    escalation_delay_in_minutes = 15
    target {
      type = "schedule_reference"
      id   = data.pagerduty_schedule.legacy.id
    }
  }
}

resource "pagerduty_escalation_policy" "database" {
  name      = "Database Escalation Policy"
  num_loops = 0

  rule {
    escalation_delay_in_minutes = 5
    target {
      type = "schedule_reference"
      id   = pagerduty_schedule.database.id
    }
  }
}

data "pagerduty_escalation_policy" "shared" {
  name = "Shared Services"
}
