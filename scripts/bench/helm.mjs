// Helm charts: Chart.yaml and values.yaml are YAML; the templates are not YAML until rendered.

import { Emitter } from './yaml-emit.mjs';
import { image } from './manifests.mjs';

export function chartFiles(r, ctx) {
  const e = new Emitter({ indent: 2, seqIndent: r.chance(0.5) });
  const chart = ctx.svc;
  const files = {};
  files['Chart.yaml'] = e.document({
    apiVersion: 'v2',
    name: chart,
    description: `A Helm chart for ${chart}`,
    type: 'application',
    version: `0.${r.int(1, 30)}.${r.int(0, 9)}`,
    appVersion: `${r.int(1, 5)}.${r.int(0, 20)}.0`,
    ...(r.chance(0.4) ? { dependencies: [{ name: 'redis', version: '18.x.x', repository: 'https://charts.bitnami.com/bitnami', condition: 'redis.enabled' }] } : {}),
  });
  const [repository, tag] = image(r, ctx).split(/:(?=[^:/]*$)/);
  files['values.yaml'] = e.document({
    replicaCount: r.pick([1, 2, 3]),
    image: { repository, tag: tag ?? 'latest', pullPolicy: 'IfNotPresent' },
    imagePullSecrets: [],
    podAnnotations: r.chance(0.4) ? { 'k8s.aliyun.com/eci-with-eip': 'true' } : {},
    eip: { enabled: r.chance(0.5), bandwidth: r.pick([10, 20, 50]) },
    service: { type: 'ClusterIP', port: 80 },
    ingress: { enabled: r.chance(0.5), className: 'nginx', hosts: [{ host: `${chart}.example.com`, paths: [{ path: '/', pathType: 'Prefix' }] }], tls: [] },
    resources: { limits: { cpu: '500m', memory: '512Mi' }, requests: { cpu: '100m', memory: '128Mi' } },
    autoscaling: { enabled: r.chance(0.5), minReplicas: 1, maxReplicas: r.pick([5, 10, 20]), targetCPUUtilizationPercentage: 80 },
    nodeSelector: {},
    tolerations: [],
    affinity: {},
    env: Object.fromEntries(Array.from({ length: r.int(2, 20) }, (_, i) => [`VAR_${i}`, r.pick(['a', 'b', '1', 'true'])])),
  });
  files['templates/deployment.yaml'] = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "${chart}.fullname" . }}
  labels:
    {{- include "${chart}.labels" . | nindent 4 }}
spec:
  {{- if not .Values.autoscaling.enabled }}
  replicas: {{ .Values.replicaCount }}
  {{- end }}
  selector:
    matchLabels:
      {{- include "${chart}.selectorLabels" . | nindent 6 }}
  template:
    metadata:
      {{- with .Values.podAnnotations }}
      annotations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- if .Values.eip.enabled }}
        k8s.aliyun.com/eci-with-eip: "true"
        k8s.aliyun.com/eip-bandwidth: {{ .Values.eip.bandwidth | quote }}
      {{- end }}
      labels:
        {{- include "${chart}.selectorLabels" . | nindent 8 }}
    spec:
      {{- with .Values.imagePullSecrets }}
      imagePullSecrets:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      containers:
        - name: {{ .Chart.Name }}
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"
          imagePullPolicy: {{ .Values.image.pullPolicy }}
          env:
            {{- range $key, $value := .Values.env }}
            - name: {{ $key }}
              value: {{ $value | quote }}
            {{- end }}
          ports:
            - name: http
              containerPort: {{ .Values.service.port }}
              protocol: TCP
          livenessProbe:
            httpGet:
              path: /healthz
              port: http
          resources:
            {{- toYaml .Values.resources | nindent 12 }}
      {{- with .Values.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with .Values.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
`;
  files['templates/service.yaml'] = `apiVersion: v1
kind: Service
metadata:
  name: {{ include "${chart}.fullname" . }}
  labels:
    {{- include "${chart}.labels" . | nindent 4 }}
spec:
  type: {{ .Values.service.type }}
  ports:
    - port: {{ .Values.service.port }}
      targetPort: http
      protocol: TCP
      name: http
  selector:
    {{- include "${chart}.selectorLabels" . | nindent 4 }}
`;
  files['templates/serviceaccount.yaml'] = `{{- if .Values.serviceAccount.create -}}
apiVersion: v1
kind: ServiceAccount
metadata:
  name: {{ include "${chart}.serviceAccountName" . }}
  labels:
    {{- include "${chart}.labels" . | nindent 4 }}
{{- end }}
`;
  files['templates/hpa.yaml'] = `{{- if .Values.autoscaling.enabled }}
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ include "${chart}.fullname" . }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ include "${chart}.fullname" . }}
  minReplicas: {{ .Values.autoscaling.minReplicas }}
  maxReplicas: {{ .Values.autoscaling.maxReplicas }}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: {{ .Values.autoscaling.targetCPUUtilizationPercentage }}
{{- end }}
`;
  files['templates/ingress.yaml'] = `{{- if .Values.ingress.enabled -}}
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: {{ include "${chart}.fullname" . }}
spec:
  ingressClassName: {{ .Values.ingress.className }}
  rules:
    {{- range .Values.ingress.hosts }}
    - host: {{ .host | quote }}
      http:
        paths:
          {{- range .paths }}
          - path: {{ .path }}
            pathType: {{ .pathType }}
            backend:
              service:
                name: {{ include "${chart}.fullname" $ }}
                port:
                  number: {{ $.Values.service.port }}
          {{- end }}
    {{- end }}
{{- end }}
`;
  files['templates/configmap.yaml'] = `apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "${chart}.fullname" . }}-config
data:
  application.yaml: |
    server:
      port: {{ .Values.service.port }}
${Array.from({ length: r.int(5, 60) }, (_, i) => `    key${i}: "{{ .Values.config.key${i} | default \\"v${i}\\" }}"`).join('\n')}
`;
  files['templates/tests/test-connection.yaml'] = `apiVersion: v1
kind: Pod
metadata:
  name: "{{ include "${chart}.fullname" . }}-test-connection"
  annotations:
    "helm.sh/hook": test
spec:
  containers:
    - name: wget
      image: busybox
      command: ['wget']
      args: ['{{ include "${chart}.fullname" . }}:{{ .Values.service.port }}']
  restartPolicy: Never
`;
  files['templates/_helpers.tpl'] = `{{- define "${chart}.fullname" -}}\n{{- .Release.Name | trunc 63 | trimSuffix "-" }}\n{{- end }}\n`;
  files['templates/NOTES.txt'] = `Get the application URL by running these commands:\n  kubectl get svc {{ include "${chart}.fullname" . }}\n`;
  return files;
}
