import type { HelpCommand } from '../parse/command';
import { message, renderMessage } from '../messages';
import { err, line, type Chunk } from '../output';

/**
 * Help texts: kubectl's own descriptions and usage lines, listing only what
 * this simulated cluster has. The full reference comes with the full command set.
 */
const HELP: Record<HelpCommand['topic'], string> = {
  kubectl: `kubectl controls the Kubernetes cluster manager.

 Find more information at: https://kubernetes.io/docs/reference/kubectl/

Basic Commands (Beginner):
  create          Create a resource from a file or from stdin
  expose          Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service
  run             Run a particular image on the cluster
  set             Set specific features on objects

Basic Commands (Intermediate):
  explain         Get documentation for a resource
  get             Display one or many resources
  edit            Edit a resource on the server
  delete          Delete resources by file names, stdin, resources and names, or by resources and label selector

Deploy Commands:
  rollout         Manage the rollout of a resource
  scale           Set a new size for a deployment, replica set, or replication controller

Cluster Management Commands:
  cluster-info    Display cluster information

Troubleshooting and Debugging Commands:
  describe        Show details of a specific resource or group of resources
  logs            Print the logs for a container in a pod
  exec            Execute a command in a container
  debug           Create debugging sessions for troubleshooting workloads and nodes

Advanced Commands:
  apply           Apply a configuration to a resource by file name or stdin
  patch           Update field(s) of a resource
  wait            Experimental: Wait for a specific condition on one or many resources

Settings Commands:
  label           Update the labels on a resource
  annotate        Update the annotations on a resource

Other Commands:
  api-resources   Print the supported API resources on the server
  config          Modify kubeconfig files
  version         Print the client and server version information

Usage:
  kubectl [flags] [options]

Use "kubectl <command> --help" for more information about a given command.
`,
  get: `Display one or many resources.

 Prints a table of the most important fields of the resources you name. Narrow the list with a label selector
(-l) or a field selector (--field-selector), or print the objects whole with -o yaml or -o json.

Use "kubectl api-resources" for a complete list of supported resources.

Examples:
  # List the pods of the current namespace
  kubectl get pods

  # List the pods with their IP and node
  kubectl get pods -o wide

  # Print only the pod names, one a line
  kubectl get pods -o jsonpath='{range .items[*]}{.metadata.name}{"\\n"}{end}'

  # Choose your own columns
  kubectl get pods -o custom-columns=NAME:.metadata.name,IP:.status.podIP

  # List the running pods on one node, sorted by name
  kubectl get pods --field-selector=status.phase=Running,spec.nodeName=worker-1 --sort-by=.metadata.name

  # List deployments and services together
  kubectl get deploy,svc

  # List the objects a manifest describes, as the cluster has them now
  kubectl get -f web.yaml

Options:
    -A, --all-namespaces=false:
	List the objects of every namespace instead of one.

    --field-selector='':
	Select objects by field (e.g. --field-selector=status.phase=Running). Supports '=', '==' and '!='.

    -f, --filename=[]:
	Files or folders whose manifests name the objects to get (by kind, namespace and name).

    --ignore-not-found=false:
	Print nothing, and succeed, for named objects that do not exist.

    -L, --label-columns=[]:
	Add a column for each of these label keys (e.g. -L app -L tier, or -L app,tier).

    --no-headers=false:
	Leave out the header line of tables and custom columns.

    -o, --output='':
	Output format. One of: (json, yaml, name, wide, jsonpath=TEMPLATE, custom-columns=SPEC).

    -l, --selector='':
	Select objects by label (e.g. -l app=web, -l 'tier in (front,back)', -l '!canary').

    --show-labels=false:
	Add a LABELS column with every label of the object.

    --sort-by='':
	Sort the list by a JSONPath field (e.g. --sort-by=.metadata.name).

    --subresource='':
	Get a subresource of the objects named: status, or scale (the replicas of a deployment or replica set).

    -w, --watch=false:
	Print the list, then keep printing changes as they happen.

Usage:
  kubectl get [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ... | -f FILENAME) [flags] [options]

Use "kubectl options" for a list of global command-line options (applies to all commands).
`,
  describe: `Show details of a specific resource or group of resources.

 Print everything kubectl knows about the selected objects: their fields, the objects they relate to (the
ReplicaSets of a Deployment, the endpoints of a Service) and their recent events. Select one object by name,
every object of a type, objects by label, or objects whose names start with a prefix:

        $ kubectl describe TYPE NAME_PREFIX

 looks for an object named NAME_PREFIX first and, when there is none, describes every object whose name starts
with it.

Use "kubectl api-resources" for a complete list of supported resources.

Examples:
  # Describe a node
  kubectl describe nodes worker-1

  # Describe a pod
  kubectl describe pods/web-7dbf857cf4-mdpkn

  # Describe every pod of the namespace
  kubectl describe pods

  # Describe the pods labelled app=web
  kubectl describe pods -l app=web

  # Describe every pod whose name starts with web
  kubectl describe pods web

  # Describe the objects a manifest names
  kubectl describe -f web.yaml

Options:
    -A, --all-namespaces=false:
	Look in every namespace instead of one.

    -f, --filename=[]:
	Files or folders whose manifests name the objects to describe.

    -l, --selector='':
	Select objects by label (e.g. -l app=web). Supports '=', '==', '!=', 'in', 'notin', 'key' and '!key'.

    --show-events=true:
	Include the events of each object.

Usage:
  kubectl describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME) [options]

Use "kubectl options" for a list of global command-line options (applies to all commands).
`,
  apply: `Apply a configuration to a resource by file name or stdin. The resource name must be specified. This resource will be created if it doesn't exist yet.

Examples:
  # Apply the configuration in pod.json to a pod
  kubectl apply -f ./pod.json

  # Apply every .yaml, .yml and .json file of a folder
  kubectl apply -f dir/

Options:
    --dry-run='none': Must be "none", "server", or "client".
    -f, --filename=[]: The files that contain the configurations to apply.
    -o, --output='': Output format. One of: (json, yaml, name).

Usage:
  kubectl apply (-f FILENAME | -k DIRECTORY) [options]
`,
  create: `Create a resource from a file or from stdin.

 JSON and YAML formats are accepted.

Examples:
  # Create a pod using the data in pod.json
  kubectl create -f ./pod.json
  
  # Create a pod based on the JSON passed into stdin
  cat pod.json | kubectl create -f -

Available Commands:
  configmap             Create a config map from a local file, directory or literal value
  deployment            Create a deployment with the specified name
  namespace             Create a namespace with the specified name
  service               Create a service using a specified subcommand

Options:
    --dry-run='none': Must be "none", "server", or "client".
    -f, --filename=[]: Filename, directory, or URL to files to use to create the resource
    -o, --output='': Output format. One of: (json, yaml, name).

Usage:
  kubectl create -f FILENAME [options]

Use "kubectl create <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`,
  delete: `Delete resources by file names, stdin, resources and names, or by resources and label selector.

Examples:
  # Delete a pod with minimal delay
  kubectl delete pod foo --now

  # Delete pods and services with label name=myLabel
  kubectl delete pods,services -l name=myLabel

  # Delete all pods
  kubectl delete pods --all

Options:
    --all=false: Delete all resources, in the namespace of the specified resource types.
    -A, --all-namespaces=false: If present, list the requested object(s) across all namespaces.
    --dry-run='none': Must be "none", "server", or "client".
    -f, --filename=[]: containing the resource to delete.
    --force=false: If true, immediately remove resources from API and bypass graceful deletion.
    --grace-period=-1: Period of time in seconds given to the resource to terminate gracefully.
    --ignore-not-found=false: Treat "resource not found" as a successful delete.
    --now=false: If true, resources are signaled for immediate shutdown (same as --grace-period=1).
    -o, --output='': Output mode. Use "-o name" for shorter output (resource/name).
    -l, --selector='': Selector (label query) to filter on.
    --wait=true: If true, wait for resources to be gone before returning.

Usage:
  kubectl delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)]) [options]
`,
};

export function printHelp(command: HelpCommand): string {
  return HELP[command.topic];
}

/**
 * `kubectl create` with neither -f nor -k: its own `Error:` line, then its
 * help on stderr; words that name no subcommand are refused instead of the
 * help (cobra's RequireNoArguments). Exit code 1 either way.
 */
export function printMissingFilename(missing: NonNullable<HelpCommand['missingFilename']>): Chunk[] {
  const first = err(renderMessage(message('createNeedsFilename')));
  if (missing.unknownCommand !== undefined) return [first, err(line(`error: ${renderMessage(message('createUnknownCommand', missing.unknownCommand))}`))];
  return [first, err(HELP.create)];
}
