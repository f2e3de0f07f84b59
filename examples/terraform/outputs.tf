output "website_limit_expires_at" {
  description = "When the website's limit lapses unless renewed (GitHub's expires_at)."
  value       = ghinteractions_limit.website.expires_at
}

output "my_limit_id" {
  description = "The user-scope limit's id: user/LOGIN of the token's user."
  value       = ghinteractions_limit.me.id
}

output "api_limit" {
  description = "The limit in force on acme/api and where it comes from (null when none)."
  value = {
    limit      = data.ghinteractions_limit.api.limit
    origin     = data.ghinteractions_limit.api.origin
    expires_at = data.ghinteractions_limit.api.expires_at
  }
}
