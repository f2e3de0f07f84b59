# The ACME organization's interaction settings in plain HCL, for Terraform and OpenTofu, written
# against the emulator's default seed (`gh-interactions emulator`, token gho_emulator_octocat).
# README.md in this directory runs it; docs/terraform.md is the reference.

terraform {
  required_version = ">= 1.5"
  required_providers {
    ghinteractions = {
      # Fully qualified, so that Terraform and OpenTofu (whose default registry host differs)
      # both find the provider `gh-interactions terraform install` puts in ./terraform.d/plugins.
      source = "registry.terraform.io/gh-interactions/ghinteractions"
    }
  }
}

provider "ghinteractions" {
  # Unset (null), each falls back to GITHUB_TOKEN and GITHUB_BASE_URL.
  token    = var.github_token
  base_url = var.github_base_url
}

# The marketing site gets the drive-by spam: only past contributors may interact. The limit is
# kept in force: renewed 30 days before each six-month expiry (the defaults), and put back if
# someone removes or changes it in the UI.
resource "ghinteractions_limit" "website" {
  repository = "acme/website"
  limit      = "contributors_only"
}

# Your own public repositories: accounts younger than a day are held back, a week at a time,
# renewed when two days are left.
resource "ghinteractions_limit" "me" {
  user         = true
  limit        = "existing_users"
  expiry       = "one_week"
  renew_within = "2d"
}

# A one-off: collaborators only on the docs for a day, then let it lapse (no renewal, and
# its expiry is not drift).
resource "ghinteractions_limit" "docs_freeze" {
  repository = "acme/docs"
  limit      = "collaborators_only"
  expiry     = "one_day"
  renew      = false
}

# At most 3 open pull requests per user without write access, across the organization.
resource "ghinteractions_pr_creation_cap" "acme" {
  organization           = "acme"
  max_open_pull_requests = 3
}

# Two trusted users may open pull requests on the website whatever the cap says. The list is
# authoritative: a login added in the UI is removed by the next apply.
resource "ghinteractions_pr_bypass_list" "website" {
  repository = "acme/website"
  users      = ["hubot", "jdoe"]
}

# What is in force on the API repository, whoever set it (read-only).
data "ghinteractions_limit" "api" {
  repository = "acme/api"
}
