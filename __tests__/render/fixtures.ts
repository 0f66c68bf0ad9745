/** Small charts and overlays written for the render tests. */

export const CHART_YAML = `apiVersion: v2
name: shop-web
version: 0.1.0
`;

/** values.yaml line 4: an unquoted true that toYaml renders into the pod annotations. */
export const VALUES_MISTAKE = `replicaCount: 2
image: docker.io/library/nginx:1.27
podAnnotations:
  k8s.aliyun.com/eci-with-eip: true
`;

export const VALUES_CORRECT = `replicaCount: 3
image: docker.io/library/nginx:1.27
podAnnotations:
  k8s.aliyun.com/eci-with-eip: "true"
`;

/** A Deployment whose pod annotations come from values; `objectAnnotations` land on its own metadata. */
export const DEPLOYMENT_TEMPLATE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Release.Name }}
  {{- with .Values.objectAnnotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  replicas: {{ .Values.replicaCount }}
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
      {{- with .Values.podAnnotations }}
      annotations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
    spec:
      containers:
        - name: web
          image: {{ .Values.image | quote }}
`;

/** Line 6: the template itself writes the EIP key on the Deployment's own metadata. */
export const TEMPLATE_MISTAKE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Release.Name }}
  annotations:
    k8s.aliyun.com/eci-with-eip: "true"
spec:
  replicas: 1
  selector:
    matchLabels: {app: api}
  template:
    metadata:
      labels: {app: api}
    spec:
      containers:
        - name: api
          image: docker.io/library/nginx:1.27
`;

export const HPA_TEMPLATE = `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ .Release.Name }}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: {{ .Release.Name }}}
  minReplicas: {{ .Values.replicaCount }}
  maxReplicas: 10
`;

export const BASE_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: 2
  selector:
    matchLabels: {app: api}
  template:
    metadata:
      labels: {app: api}
    spec:
      containers:
        - name: api
          image: docker.io/library/nginx:1.27
`;

export const BASE_KUSTOMIZATION = `resources:
  - deployment.yaml
`;

/** The JSON patch on lines 5-8 adds the EIP key at /metadata/annotations: the Deployment's own metadata. */
export const MISPLACED_OVERLAY = `resources:
  - ../../base
patches:
  - target: {kind: Deployment, name: api}
    patch: |-
      - op: add
        path: /metadata/annotations
        value: {k8s.aliyun.com/eci-with-eip: "true"}
`;

export const CORRECT_OVERLAY = `resources:
  - ../../base
patches:
  - path: eip.yaml
`;

/** A strategic-merge patch that puts the key on the pod template (line 9). */
export const EIP_PATCH = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    metadata:
      annotations:
        k8s.aliyun.com/eci-with-eip: "true"
`;
