import type { HelpCommand } from '../parse/command';

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
  logs            Print the logs for a container in a pod

Advanced Commands:
  apply           Apply a configuration to a resource by file name or stdin
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

Examples:
  # List all pods in ps output format
  kubectl get pods

  # List all pods in ps output format with more information (such as node name)
  kubectl get pods -o wide

  # List deployments and services together
  kubectl get deploy,svc

Options:
    -A, --all-namespaces=false: If present, list the requested object(s) across all namespaces.
    --ignore-not-found=false: If set to true, suppresses NotFound error for specific objects that do not exist.
    --no-headers=false: When using the default or custom-column output format, don't print headers.
    -o, --output='': Output format. One of: (json, yaml, name, wide).
    -l, --selector='': Selector (label query) to filter on (e.g. -l key1=value1,key2=value2).
    --show-labels=false: When printing, show all labels as the last column.

Usage:
  kubectl get [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]
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

Examples:
  # Create a pod using the data in pod.json
  kubectl create -f ./pod.json

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
