{{- define "gatewire.labels" -}}
app.kubernetes.io/name: gatewire
{{- end }}

{{- define "gatewire.image" -}}
{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end }}
