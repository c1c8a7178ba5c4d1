/**
 * `-h/--help` of the write-side verbs, in kubectl's layout (description,
 * examples, options, usage), in our own words and listing only the flags
 * this simulated cluster has.
 */
interface Help {
  summary: string;
  examples: [string, string][];
  options: string[];
  usage: string;
}

const DRY = `--dry-run='none': Must be "none", "server", or "client". With client, only print the object that would be sent.`;
const OUT = `-o, --output='': Output format. One of: (json, yaml, name).`;

const HELP: Record<string, Help> = {
  'kubectl create deployment': {
    summary: 'Create a deployment with the specified name.',
    examples: [['Create a deployment named web that runs the nginx image with 3 replicas', 'kubectl create deployment web --image=nginx --replicas=3'], ['Create a deployment whose container listens on port 80', 'kubectl create deployment web --image=nginx --port=80']],
    options: [DRY, `--image=[]: Image names to run. A deployment can have multiple images set for multi-container pod.`, OUT, `--port=-1: The containerPort that this deployment exposes.`, `-r, --replicas=1: Number of replicas to create. Default is 1.`],
    usage: 'kubectl create deployment NAME --image=image -- [COMMAND] [args...] [options]',
  },
  'kubectl create service clusterip': {
    summary: 'Create a ClusterIP service with the specified name.',
    examples: [['Create a new ClusterIP service named web, port 80 to target port 8080', 'kubectl create service clusterip web --tcp=80:8080'], ['Create a headless service named web', 'kubectl create service clusterip web --clusterip="None"']],
    options: [`--clusterip='': Assign your own ClusterIP or set to 'None' for a 'headless' service (no loadbalancing).`, DRY, OUT, `--tcp=[]: Port pairs can be specified as '<port>:<targetPort>'.`],
    usage: "kubectl create service clusterip NAME [--tcp=<port>:<targetPort>] [--dry-run=server|client|none] [options]",
  },
  'kubectl create service nodeport': {
    summary: 'Create a NodePort service with the specified name.',
    examples: [['Create a new NodePort service named web', 'kubectl create service nodeport web --tcp=5678:8080']],
    options: [DRY, `--node-port=0: Port used to expose the service on each node in a cluster.`, OUT, `--tcp=[]: Port pairs can be specified as '<port>:<targetPort>'.`],
    usage: 'kubectl create service nodeport NAME [--tcp=port:targetPort] [--dry-run=server|client|none] [options]',
  },
  'kubectl create service loadbalancer': {
    summary: 'Create a LoadBalancer service with the specified name.',
    examples: [['Create a new LoadBalancer service named web', 'kubectl create service loadbalancer web --tcp=5678:8080']],
    options: [DRY, OUT, `--tcp=[]: Port pairs can be specified as '<port>:<targetPort>'.`],
    usage: 'kubectl create service loadbalancer NAME [--tcp=port:targetPort] [--dry-run=server|client|none] [options]',
  },
  'kubectl create namespace': {
    summary: 'Create a namespace with the specified name.',
    examples: [['Create a new namespace named dev', 'kubectl create namespace dev']],
    options: [DRY, OUT],
    usage: 'kubectl create namespace NAME [--dry-run=server|client|none] [options]',
  },
  'kubectl create configmap': {
    summary: 'Create a config map from literal values.',
    examples: [['Create a config map named settings with two keys', 'kubectl create configmap settings --from-literal=mode=dev --from-literal=level=3']],
    options: [DRY, `--from-literal=[]: Specify a key and literal value to insert in configmap (i.e. mykey=somevalue).`, OUT],
    usage: 'kubectl create configmap NAME [--from-literal=key1=value1] [--dry-run=server|client|none] [options]',
  },
  'kubectl expose': {
    summary: 'Expose a resource (deployment, pod, replica set or service) as a new Kubernetes service, selecting its pods by the labels of that resource.',
    examples: [['Create a service for the deployment web, serving on port 80 and connecting to the containers on port 8080', 'kubectl expose deployment web --port=80 --target-port=8080'], ['Expose the pod web as a NodePort service named web-np', 'kubectl expose pod web --port=80 --type=NodePort --name=web-np']],
    options: [DRY, `--name='': The name for the newly created object.`, OUT, `--port='': The port that the service should serve on. Copied from the resource being exposed, if unspecified`, `--protocol='': The network protocol for the service to be created. Default is 'TCP'.`, `-l, --selector='': A label selector to use for this service. Only equality-based selectors are supported.`, `--target-port='': Name or number for the port on the container that the service should direct traffic to.`, `--type='': Type for this service: ClusterIP, NodePort, LoadBalancer, or ExternalName. Default is 'ClusterIP'.`],
    usage: 'kubectl expose (-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--type=type] [options]',
  },
  'kubectl run': {
    summary: 'Create and run a particular image in a pod.',
    examples: [['Start a nginx pod', 'kubectl run nginx --image=nginx'], ['Start a busybox pod that sleeps, with a label', 'kubectl run box --image=busybox --labels="app=box" -- sleep 3600']],
    options: [`--command=false: If true and extra arguments are present, use them as the 'command' field in the container, rather than the 'args' field which is the default.`, DRY, `--env=[]: Environment variables to set in the container.`, `--image='': The image for the container to run.`, `-l, --labels='': Comma separated labels to apply to the pod. Will override previous values.`, OUT, `--port='': The port that this container exposes.`, `--restart='Always': The restart policy for this Pod. Legal values [Always, OnFailure, Never].`],
    usage: 'kubectl run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--command] -- [COMMAND] [args...] [options]',
  },
  'kubectl scale': {
    summary: 'Set a new size for a deployment or replica set.',
    examples: [['Scale the deployment web to 3 replicas', 'kubectl scale --replicas=3 deployment/web'], ['Scale the deployment that web.yaml names to 2 replicas', 'kubectl scale --replicas=2 -f web.yaml']],
    options: [DRY, `-f, --filename=[]: Files whose manifests name the objects to scale.`, OUT, `--replicas=0: The new desired number of replicas. Required.`],
    usage: 'kubectl scale --replicas=COUNT (-f FILENAME | TYPE NAME | TYPE/NAME) [options]',
  },
  'kubectl edit': {
    summary: 'Edit a resource from the default editor. In the lesson page the editor is the one beside the terminal: the object opens in a tab of its own, and Apply there saves the edit. Lines beginning with # are ignored; an empty file cancels.',
    examples: [
      ["Edit the deployment 'web'", 'kubectl edit deployment/web'],
      ["Edit the service 'web' in JSON", 'kubectl edit svc/web -o json'],
      ['Edit the object web.yaml names, as the cluster has it now', 'kubectl edit -f web.yaml'],
    ],
    options: [`-f, --filename=[]: A file whose manifest names the object to edit.`, `-o, --output='': Output format. One of: (json, yaml).`],
    usage: 'kubectl edit (RESOURCE/NAME | -f FILENAME) [options]',
  },
  'kubectl patch': {
    summary: 'Update fields of a resource using strategic merge patch, a JSON merge patch, or a JSON patch. JSON and YAML formats are accepted.',
    examples: [
      ['Preserve the client source IP of the NodePort service web', `kubectl patch svc web -p '{"spec":{"externalTrafficPolicy":"Local"}}'`],
      ["Update a container's image; spec.containers[*].name is required because it's a merge key", `kubectl patch deployment web -p '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.27"}]}}}}'`],
      ['Scale the deployment web to 2 replicas through its scale subresource', `kubectl patch deployment web --subresource=scale --type=merge -p '{"spec":{"replicas":2}}'`],
      ["Update a container's image using a JSON patch with positional arrays", `kubectl patch deployment web --type='json' -p='[{"op": "replace", "path": "/spec/template/spec/containers/0/image", "value":"nginx:1.27"}]'`],
    ],
    options: [DRY, OUT, `-p, --patch='': The patch to be applied to the resource JSON file.`, `--subresource='': Patch a subresource of the object instead: status, or scale (a deployment's or replica set's replicas).`, `--type='strategic': The type of patch being provided; one of [json merge strategic]`],
    usage: 'kubectl patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE] [options]',
  },
  'kubectl label': {
    summary: 'Update the labels on a resource. A label key and value must begin with a letter or number; --overwrite is needed to change a label that is already set.',
    examples: [["Add the label tier=frontend to the pod web", 'kubectl label pods web tier=frontend'], ['Change an existing label', 'kubectl label --overwrite pods web tier=backend'], ["Remove the label named tier", 'kubectl label pods web tier-']],
    options: [`--all=false: Select all resources, in the namespace of the specified resource types`, DRY, OUT, `--overwrite=false: If true, allow labels to be overwritten, otherwise reject label updates that overwrite existing labels.`, `-l, --selector='': Selector (label query) to filter on.`],
    usage: 'kubectl label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [options]',
  },
  'kubectl annotate': {
    summary: 'Update the annotations on one or more resources. --overwrite is needed to change an annotation that is already set.',
    examples: [['Annotate the pod web with a description', "kubectl annotate pods web description='my frontend'"], ['Remove the annotation named description', 'kubectl annotate pods web description-']],
    options: [`--all=false: Select all resources, in the namespace of the specified resource types.`, DRY, OUT, `--overwrite=false: If true, allow annotations to be overwritten, otherwise reject annotation updates that overwrite existing annotations.`, `-l, --selector='': Selector (label query) to filter on.`],
    usage: 'kubectl annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [options]',
  },
  'kubectl set image': {
    summary: "Update existing container image(s) of a deployment's pod template.",
    examples: [["Set the nginx container of deployment web to nginx:1.28", 'kubectl set image deployment/web nginx=nginx:1.28']],
    options: [DRY, OUT],
    usage: 'kubectl set image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N [options]',
  },
  'kubectl rollout': {
    summary: 'Manage the rollout of a deployment.\n\n Valid resource types include:\n\n  *  deployments',
    examples: [['Watch the rollout status of a deployment', 'kubectl rollout status deployment/web'], ['Roll back to the previous deployment', 'kubectl rollout undo deployment/web']],
    options: [],
    usage: 'kubectl rollout SUBCOMMAND [options]\n\nAvailable Commands:\n  history       View rollout history\n  restart       Restart a resource\n  status        Show the status of the rollout\n  undo          Undo a previous rollout',
  },
  'kubectl wait': {
    summary: 'Wait for a specific condition on one or many pods. The virtual clock runs until the condition holds or --timeout passes.',
    examples: [['Wait for the pod web to be Ready', 'kubectl wait --for=condition=Ready pod/web'], ['Wait for every pod labelled app=web, for at most 60 seconds', 'kubectl wait --for=condition=Ready pod -l app=web --timeout=60s']],
    options: [`--all=false: Select all resources in the namespace of the specified resource types`, `--for='': The condition to wait on: condition=NAME, or delete.`, `-l, --selector='': Selector (label query) to filter on.`, `--timeout=30s: The length of time to wait before giving up.`],
    usage: 'kubectl wait ([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)]) [--for=delete|--for condition=available] [options]',
  },
  'kubectl logs': {
    summary: 'Print the logs for a container in a pod. If the pod has only one container, the container name is optional.',
    examples: [
      ['Return the logs of pod web', 'kubectl logs web'],
      ['Return the last 5 lines of the nginx container of the first pod of deployment web', 'kubectl logs deployment/web -c nginx --tail=5'],
      ['Return the logs of every pod labelled k8s-app=kube-dns, one pod after the other', 'kubectl logs -n kube-system -l k8s-app=kube-dns'],
    ],
    options: [
      `-c, --container='': Print the logs of this container.`,
      `-f, --follow=false: Specify if the logs should be streamed. Here the lines so far are printed, then the command ends.`,
      `-l, --selector='': Selector (label query) to filter on.`,
      `--tail=-1: Lines of recent log file to display. Defaults to -1 with no selector, showing all log lines; otherwise 10, if a selector is provided.`,
    ],
    usage: 'kubectl logs [-f] [-p] (POD | TYPE/NAME | -l SELECTOR) [-c CONTAINER] [options]',
  },
  'kubectl version': {
    summary: 'Print the client and server version information for the current context.',
    examples: [['Print the client and server versions for the current context', 'kubectl version']],
    options: [],
    usage: 'kubectl version [flags] [options]',
  },
  'kubectl cluster-info': {
    summary: 'Display addresses of the control plane and services with label kubernetes.io/cluster-service=true.',
    examples: [['Print the address of the control plane and cluster services', 'kubectl cluster-info']],
    options: [],
    usage: 'kubectl cluster-info [flags] [options]',
  },
  'kubectl api-resources': {
    summary: 'Print the supported API resources on the server.',
    examples: [['Print the supported API resources', 'kubectl api-resources']],
    options: [`--no-headers=false: When using the default or custom-column output format, don't print headers (default print headers).`],
    usage: 'kubectl api-resources [flags] [options]',
  },
  'kubectl explain': {
    summary: 'Describe fields and structure of various resources. Fields are identified via a simple JSONPath identifier: <type>.<fieldName>[.<fieldName>]',
    examples: [['Get the fields of the resource pods', 'kubectl explain pods'], ['Get the fields of a container', 'kubectl explain pods.spec.containers']],
    options: [],
    usage: 'kubectl explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [-o|--output=plaintext|plaintext-openapiv2] [options]',
  },
};

const GENERIC: Help = { summary: 'See https://kubernetes.io/docs/reference/kubectl/ for this command.', examples: [], options: [], usage: '' };

/** kubectl's help layout: summary, `Examples:`, `Options:`, `Usage:`. */
export function helpText(path: string): string {
  const h = HELP[path] ?? HELP[path.split(' ').slice(0, 2).join(' ')] ?? { ...GENERIC, usage: `${path} [options]` };
  let text = `${h.summary}\n`;
  if (h.examples.length > 0) text += `\nExamples:\n${h.examples.map(([what, cmd]) => `  # ${what}\n  ${cmd}`).join('\n\n')}\n`;
  if (h.options.length > 0) text += `\nOptions:\n${h.options.map((o) => `    ${o}`).join('\n')}\n`;
  text += `\nUsage:\n  ${h.usage}\n`;
  if (h.usage.includes('[options]')) text += '\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n';
  return text;
}
