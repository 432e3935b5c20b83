{{/* Names, labels, images and the pod spec shared by every SteerSynth workload. */}}

{{- define "steersynth.name" -}}
{{- .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Release-scoped prefix; the release name alone when it already contains the chart name. */}}
{{- define "steersynth.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "steersynth.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/name: {{ include "steersynth.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: steersynth
{{- end -}}

{{/* Selector labels of one component: (dict "root" $ "component" "judge"). */}}
{{- define "steersynth.selectorLabels" -}}
app.kubernetes.io/name: {{ include "steersynth.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{/* A model id as a DNS label fragment: dots and underscores become dashes. */}}
{{- define "steersynth.modelSlug" -}}
{{- . | replace "." "-" | replace "_" "-" -}}
{{- end -}}

{{/* Name of one generator's objects: <fullname>-generator-<model slug>, hashed when over 63 characters. */}}
{{- define "steersynth.generatorName" -}}
{{- $name := printf "%s-generator-%s" (include "steersynth.fullname" .root) (include "steersynth.modelSlug" .model) -}}
{{- if gt (len $name) 63 -}}
{{- printf "%s-%s" ($name | trunc 54 | trimSuffix "-") (sha256sum .model | trunc 8) -}}
{{- else -}}
{{- $name -}}
{{- end -}}
{{- end -}}

{{/* Image of a service: (dict "root" $ "service" "judge-service" "suffix" ""). */}}
{{- define "steersynth.image" -}}
{{- $img := .root.Values.image -}}
{{- $tag := default .root.Chart.AppVersion $img.tag -}}
{{- $repo := $img.repository -}}
{{- if $img.registry -}}{{- $repo = printf "%s/%s" $img.registry $img.repository -}}{{- end -}}
{{- printf "%s/%s:%s%s" $repo .service $tag (default "" .suffix) -}}
{{- end -}}

{{- define "steersynth.configMapName" -}}
{{- printf "%s-config" (include "steersynth.fullname" .) -}}
{{- end -}}

{{/* The chart's own Secret: rendered unless both secrets.existingSecret and postgresql.existingSecret are set. */}}
{{- define "steersynth.secretName" -}}
{{- printf "%s-secrets" (include "steersynth.fullname" .) -}}
{{- end -}}

{{- define "steersynth.renderSecret" -}}
{{- if or (not .Values.secrets.existingSecret) (not .Values.postgresql.existingSecret) -}}true{{- end -}}
{{- end -}}

{{/* The database password as an env var, from the existing Secret or the chart's. */}}
{{- define "steersynth.databaseEnv" -}}
- name: STEERSYNTH_DATABASE_PASSWORD
  valueFrom:
    secretKeyRef:
{{- if .Values.postgresql.existingSecret }}
      name: {{ .Values.postgresql.existingSecret }}
      key: {{ .Values.postgresql.existingSecretPasswordKey }}
{{- else }}
      name: {{ include "steersynth.secretName" . }}
      key: database-password
{{- end }}
{{- end -}}

{{/*
The pod template shared by every workload:
(dict "root" $ "component" "judge" "service" "judge-service" "port" 8083 "values" .Values.judge
      "env" (list ...) "javaOpts" "..." "image" "..." "volumes" (list) "volumeMounts" (list)
      "nodeSelector" (dict) "tolerations" (list) "extraLabels" (dict))
*/}}
{{- define "steersynth.podTemplate" -}}
{{- $root := .root -}}
{{- $common := $root.Values.common -}}
metadata:
  labels:
    {{- include "steersynth.selectorLabels" (dict "root" $root "component" .component) | nindent 4 }}
    {{- with .extraLabels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
    {{- with $common.podLabels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  annotations:
    # Roll the pods when the shared configuration changes.
    checksum/config: {{ include (print $root.Template.BasePath "/configmap.yaml") $root | sha256sum }}
    prometheus.io/scrape: "true"
    prometheus.io/path: /actuator/prometheus
    prometheus.io/port: {{ .port | quote }}
    {{- with $common.podAnnotations }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  {{- with $root.Values.imagePullSecrets }}
  imagePullSecrets:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  securityContext:
    {{- toYaml $common.podSecurityContext | nindent 4 }}
  # Kafka consumers leave their group and in-flight records finish before the pod goes.
  terminationGracePeriodSeconds: 60
  containers:
    - name: {{ .service }}
      image: {{ .image }}
      imagePullPolicy: {{ $root.Values.image.pullPolicy }}
      securityContext:
        {{- toYaml $common.securityContext | nindent 8 }}
      ports:
        - name: http
          containerPort: {{ .port }}
          protocol: TCP
      envFrom:
        - configMapRef:
            name: {{ include "steersynth.configMapName" $root }}
      env:
        - name: JAVA_OPTS
          value: {{ .javaOpts | quote }}
        {{- with .env }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      startupProbe:
        httpGet:
          path: /actuator/health/liveness
          port: http
        periodSeconds: {{ $common.probes.startup.periodSeconds }}
        failureThreshold: {{ $common.probes.startup.failureThreshold }}
      livenessProbe:
        httpGet:
          path: /actuator/health/liveness
          port: http
        periodSeconds: {{ $common.probes.liveness.periodSeconds }}
        timeoutSeconds: {{ $common.probes.liveness.timeoutSeconds }}
        failureThreshold: {{ $common.probes.liveness.failureThreshold }}
      readinessProbe:
        httpGet:
          path: /actuator/health/readiness
          port: http
        periodSeconds: {{ $common.probes.readiness.periodSeconds }}
        timeoutSeconds: {{ $common.probes.readiness.timeoutSeconds }}
        failureThreshold: {{ $common.probes.readiness.failureThreshold }}
      resources:
        {{- toYaml .values.resources | nindent 8 }}
      {{- with .volumeMounts }}
      volumeMounts:
        {{- toYaml . | nindent 8 }}
      {{- end }}
  {{- with .volumes }}
  volumes:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- $nodeSelector := merge (dict) (default (dict) .nodeSelector) $common.nodeSelector }}
  {{- with $nodeSelector }}
  nodeSelector:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- $tolerations := concat (default (list) .tolerations) $common.tolerations }}
  {{- with $tolerations }}
  tolerations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with $common.affinity }}
  affinity:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end -}}

{{/* A PodDisruptionBudget for one component: (dict "root" $ "component" "judge" "name" "..."). */}}
{{- define "steersynth.pdb" -}}
{{- if .root.Values.common.podDisruptionBudget.enabled }}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ .name }}
  labels:
    {{- include "steersynth.labels" .root | nindent 4 }}
    app.kubernetes.io/component: {{ .component }}
spec:
  maxUnavailable: {{ .root.Values.common.podDisruptionBudget.maxUnavailable }}
  selector:
    matchLabels:
      {{- include "steersynth.selectorLabels" (dict "root" .root "component" .component) | nindent 6 }}
      {{- with .extraLabels }}
      {{- toYaml . | nindent 6 }}
      {{- end }}
{{- end }}
{{- end -}}
