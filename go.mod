module yibao

go 1.26.8

require (
	github.com/goccy/go-json v0.10.5
	github.com/maxence-charriere/go-app/v10 v10.1.11
	github.com/mozillazg/go-pinyin v0.21.0
)

require github.com/google/uuid v1.6.0 // indirect
