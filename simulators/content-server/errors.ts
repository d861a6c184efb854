/**
 * Error responses of the simulated REST API. Content Server returns errors as
 * `{"error": "<message>"}` with mostly 400 and 500, rarely 403 or 404, also for "not found".
 * Texts marked as documented come from the Content Server 23.x REST API description. The
 * others are the simulator's choice and are listed in the README.
 */

export class ApiError extends Error {
	constructor(
		readonly status: number,
		message: string,
		readonly detail?: string,
	) {
		super(message);
	}
}

/** Documented for every operation. */
export const ROUTE_NOT_FOUND = 'The REST API URL could not be found in the mappings registry';

/** Documented for PUT and POST calls that carry no parameters. */
export const PARAMETERS_REQUIRED = 'Parameters are required for PUT, POST, and PATCH methods';

/** Classic Content Server text for an item that does not exist or is not visible to the user. */
export const ITEM_NOT_ACCESSIBLE =
	'Sorry, the item you requested could not be accessed. Either it does not exist, or you do not have permission to access it. If you were sent a link to this item, please contact the sender for assistance.';

export const errors = {
	routeNotFound: () => new ApiError(400, ROUTE_NOT_FOUND),
	parametersRequired: () => new ApiError(400, PARAMETERS_REQUIRED),
	/** Documented text; the simulator uses it for every missing form field. */
	missingParameter: (name: string) => new ApiError(400, `Missing required parameter '${name}'`),
	invalidParameter: (name: string, value: unknown, expected: string) =>
		new ApiError(400, `Invalid value '${String(value)}' for parameter '${name}'. ${expected}`),
	invalidBodyJson: () =>
		new ApiError(
			400,
			"The 'body' parameter is not valid JSON. Send a JSON object as the value of the form field 'body'.",
		),

	// Authentication (section "auth" of the API description).
	authenticationRequired: () => new ApiError(401, 'Authentication required'),
	sessionExpired: () =>
		new ApiError(401, 'Your session has expired or the ticket is not valid. Please log in again.'),
	invalidLogin: () => new ApiError(401, 'Invalid username/password specified'),
	domainDisabled: () => new ApiError(401, 'Unable to login. Domain support is disabled'),
	loginArgumentRequired: (name: 'username' | 'password') =>
		new ApiError(500, `Argument ${name} is required`),
	invalidOtdsTicket: () =>
		new ApiError(401, 'The OTDS ticket is not valid or has expired. Get a new ticket from OTDS.'),
	invalidBearerToken: () =>
		new ApiError(401, 'The OTDS access token is not valid or has expired. Request a new token.'),

	// Nodes.
	nodeNotFound: (id: number | string) => new ApiError(400, `Could not get a node for ${id}`),
	itemNotAccessible: (status = 400) => new ApiError(status, ITEM_NOT_ACCESSIBLE),
	nameClash: (name: string, status: number) =>
		new ApiError(status, `An item with the name '${name}' already exists.`),
	nameHasColon: (name: string) =>
		new ApiError(400, `The name '${name}' is not valid. Names cannot contain a colon (:).`),
	nameTooLong: (length: number) =>
		new ApiError(
			400,
			`The name is ${length} characters long. Names can have at most 248 characters.`,
		),
	subtypeNotRegistered: (type: unknown) =>
		new ApiError(400, `Subtype ${String(type)} not registered`),
	cannotCreate: (type: number) => new ApiError(400, `Could not create a new ${type}`),
	notAContainer: (name: string) =>
		new ApiError(400, `The item '${name}' is not a container, so it cannot hold other items.`),
	moveIntoItself: (name: string) =>
		new ApiError(400, `The item '${name}' cannot be moved into itself or one of its sub-items.`),
	cannotDeleteVolume: (name: string) =>
		new ApiError(400, `The item '${name}' is a volume and cannot be deleted.`),
	uploadKeyNotFound: () =>
		new ApiError(400, 'Error: File could not be found within the upload directory.'),

	// Versions and content.
	missingFile: () => new ApiError(400, "Missing required parameter 'File'"),
	versioningNotBoolean: () =>
		new ApiError(400, 'Could not set feature Versioning, value must be a Boolean'),
	notADocument: (name: string, typeName: string) =>
		new ApiError(
			400,
			`The item '${name}' is a ${typeName}, not a document, so it has no versions or content.`,
		),
	versionNotFound: (id: number, version: string | number) =>
		new ApiError(400, `Version ${version} of node ${id} does not exist.`),
	cannotDeleteOnlyVersion: (name: string) =>
		new ApiError(
			400,
			`The only version of '${name}' cannot be deleted. Delete the document instead.`,
		),

	// Large File Upload (documented texts).
	multipartDisabled: () => new ApiError(500, 'Large File Upload is not enabled on this server.'),
	invalidFileSize: (min: number, max: number) =>
		new ApiError(500, `Invalid block size: File size must be between ${min} and ${max} bytes.`),
	multipartExpired: () => new ApiError(500, 'Multipart Upload session expired.'),
	invalidBlockId: (parts: number) =>
		new ApiError(500, `Invalid BlockID: Expected BlockID between 1 and ${parts}.`),
	blockAlreadyUploaded: (part: number) =>
		new ApiError(500, `Invalid BlockID: BlockID ${part} has already been uploaded.`),
	uploadKeyInvalid: () =>
		new ApiError(
			500,
			'Failed to complete request. Either the UploadKey is invalid, or you do not have permission to access this upload session.',
		),
	cannotClose: () =>
		new ApiError(500, 'Invalid status. Cannot close an empty or already closed upload.'),
	partSizeMismatch: (part: number, size: number, expected: number) =>
		new ApiError(
			500,
			`Invalid block size: BlockID ${part} has ${size} bytes, but the session expects ${expected} bytes for it.`,
		),
	partsMissing: (missing: number[]) =>
		new ApiError(
			500,
			`Invalid status. Cannot close the upload because BlockIDs ${missing.join(', ')} have not been uploaded.`,
		),
	sizeMismatch: (received: number, expected: number) =>
		new ApiError(
			500,
			`Invalid status. The parts contain ${received} bytes, but the upload was started for ${expected} bytes.`,
		),
	missingPartContent: () => new ApiError(400, "Missing required parameter 'part_content'"),

	// Categories.
	categoryNotFound: (id: unknown) =>
		new ApiError(
			400,
			`'${String(id)}' is not a valid category ID. The item does not exist or is not a category.`,
		),
	categoryHasNoVersion: (id: unknown) => new ApiError(500, `Category ${String(id)} has no version`),
	categoryAlreadyApplied: (name: string) =>
		new ApiError(400, `The attribute group '${name}' already exists`),
	categoryNotOnNode: (categoryId: number | string, nodeId: number) =>
		new ApiError(400, `Category ID '${categoryId}' is not a category on node '${nodeId}'`),
	nonMatchingAttribute: (categoryId: number, key: string) =>
		new ApiError(
			400,
			`Category ID '${categoryId}' was specified for Categories Update, but a non-matching attribute ('${key}') was found`,
		),
	invalidAttributeEntry: (status: number, key: string) =>
		new ApiError(
			status,
			'Invalid specification. Invalid attribute entry found.',
			`Attribute key '${key}' does not exist in the category.`,
		),
	invalidAttributeValue: (attribute: string, category: string, value: unknown, expected: string) =>
		new ApiError(
			400,
			`Invalid value ${JSON.stringify(value)} for attribute '${attribute}' of category '${category}'. ${expected}`,
		),
	requiredAttribute: (attribute: string, category: string) =>
		new ApiError(
			400,
			`A value is required for the attribute '${attribute}' of category '${category}'.`,
		),

	// Search.
	queryMissing: () =>
		new ApiError(
			400,
			'You have either not specified any search criterion at all, or one of your Livelink Query Language statements is incorrect. Please correct the query and search again.',
		),
	queryInvalid: (detail: string) => new ApiError(400, 'Error Evaluating Query', detail),
};
