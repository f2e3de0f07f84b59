variable "github_token" {
  description = "A GitHub token with admin rights on the repositories (null: GITHUB_TOKEN)."
  type        = string
  default     = null
  sensitive   = true
}

variable "github_base_url" {
  description = "The GitHub API URL, e.g. the emulator's http://127.0.0.1:4010 (null: GITHUB_BASE_URL, else https://api.github.com)."
  type        = string
  default     = null
}
