/** Records the store keeps: nodes, versions, category definitions and values, users, workspaces. */

/** Content Server subtypes that the simulator implements. */
export const SUBTYPE = {
	folder: 0,
	shortcut: 1,
	category: 131,
	categoryFolder: 132,
	categoriesVolume: 133,
	url: 140,
	enterpriseWorkspace: 141,
	personalWorkspace: 142,
	document: 144,
	businessWorkspace: 848,
	templatesVolume: 20541,
} as const;

export const TYPE_NAMES: Record<number, string> = {
	0: 'Folder',
	1: 'Shortcut',
	2: 'Generation',
	131: 'Category',
	132: 'Category Folder',
	133: 'Categories Volume',
	136: 'Compound Document',
	140: 'URL',
	141: 'Enterprise Workspace',
	142: 'Personal Workspace',
	144: 'Document',
	145: 'Text Document',
	202: 'Project',
	204: 'Task List',
	206: 'Task',
	258: 'Search Query',
	298: 'Collection',
	848: 'Business Workspace',
	854: 'Related Workspace',
	899: 'Virtual Folder',
	20541: 'Templates Volume',
	30303: 'WebReport',
};

export const CONTAINER_TYPES = new Set<number>([0, 132, 133, 141, 142, 848, 20541]);
export const VOLUME_TYPES = new Set<number>([133, 141, 142, 20541]);

export interface VersionRecord {
	/** `version_id`: unique across all versions. */
	versionId: number;
	number: number;
	fileName: string;
	mimeType: string;
	size: number;
	/** File in the content folder; files are never changed, so copies may share one. */
	path: string;
	description: string;
	createDate: Date;
	ownerId: number;
	/** Lower-cased text content for full-text search, when the file is text-like and small enough. */
	text?: string;
}

export type Scalar = string | number | boolean;

/** Values of one applied category: top-level attributes and the rows of each set. */
export interface CategoryValues {
	attributes: Map<number, Scalar[]>;
	sets: Map<number, Array<Map<number, Scalar[]>>>;
}

export interface BusinessObjectReference {
	extSystemId: string;
	boType: string;
	boId: string;
}

export interface WorkspaceInfo {
	typeId: number;
	templateId: number;
	references: BusinessObjectReference[];
}

export interface NodeRecord {
	id: number;
	parentId: number;
	/** ID of the volume node; responses show it negated as `volume_id`. */
	volumeId: number;
	type: number;
	name: string;
	description: string;
	createDate: Date;
	modifyDate: Date;
	createUserId: number;
	modifyUserId: number;
	ownerUserId: number;
	ownerGroupId: number;
	hidden: boolean;
	/** Child IDs in creation order. */
	children: number[];
	url?: string;
	originalId?: number;
	versions: VersionRecord[];
	/** Applied categories in the order they were applied. */
	categories: Map<number, CategoryValues>;
	workspace?: WorkspaceInfo;
	/** Time from which the current state of the item is searchable. */
	indexedAt: number;
	/** Counts changes, so cached search documents know when to rebuild. */
	revision: number;
}

export type AttributeKind = 'string' | 'text' | 'integer' | 'real' | 'date' | 'boolean' | 'user';

export interface AttributeDefinition {
	id: number;
	name: string;
	kind: AttributeKind;
	required: boolean;
	/** Whether the attribute contains a list of values. */
	multiValue: boolean;
	/** Maximum number of values of a multi-value attribute. */
	maxValues: number;
	/** Maximum length of a text value, in characters. */
	maxLength?: number;
	/** Allowed values (a pick list). */
	validValues?: Scalar[];
	defaultValue?: Scalar;
}

export interface SetDefinition {
	id: number;
	name: string;
	kind: 'set';
	/** Maximum number of rows. */
	maxRows: number;
	attributes: AttributeDefinition[];
}

export interface CategoryDefinition {
	/** Node ID of the category object (subtype 131). */
	id: number;
	name: string;
	version: number;
	items: Array<AttributeDefinition | SetDefinition>;
}

export function isSet(item: AttributeDefinition | SetDefinition): item is SetDefinition {
	return item.kind === 'set';
}

export interface UserRecord {
	id: number;
	/** Login name. */
	name: string;
	/** 0 = user, 1 = group, 17 = service user. */
	type: 0 | 1 | 17;
	firstName: string;
	lastName: string;
	email: string;
	groupId: number;
	title: string;
	password?: string;
}

export interface WorkspaceTypeRecord {
	id: number;
	name: string;
	extSystemId: string;
	boType: string;
	boTypeId: number;
	boTypeName: string;
	/** Template nodes (subtype 848 in the templates volume). */
	templateIds: number[];
	/** Default location of new workspaces. */
	locationId: number;
	/** Category applied to every new workspace of this type, if any. */
	categoryId?: number;
}

export interface WorkspaceRelation {
	parentId: number;
	childId: number;
}

export interface UploadSession {
	key: string;
	userId: number;
	fileName: string;
	fileSize: number;
	mimeType: string;
	partSize: number;
	numParts: number;
	parts: Map<number, { path: string; size: number }>;
	status: 'open' | 'completed';
	createdAt: number;
	/** The assembled file after completion. */
	path?: string;
}
