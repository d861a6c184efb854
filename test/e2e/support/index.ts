export { getStack, type E2eStack } from './stack';
export {
	buildOperationWorkflow,
	callOperation,
	deployWorkflow,
	type BinaryMetadata,
	type BuildOperationWorkflowOptions,
	type OnError,
	type OperationItem,
	type OperationNode,
	type OperationResult,
	type OperationWorkflow,
} from './operation-workflow';
export {
	CREDENTIAL_TYPES,
	getSimulatorCredentials,
	SIMULATOR_ACCOUNTS,
	type StackCredentials,
} from './credentials';
export { PACKAGE_NAME } from '../../../scripts/lib/package';
