module github.com/reeltui/reel

go 1.26.8

require (
	github.com/yuin/goldmark v1.8.7
	golang.org/x/text v0.44.0
	gopkg.in/yaml.v3 v3.0.1
)
