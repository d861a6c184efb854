/**
 * A value from the workflow that Content Server would reject or that the node cannot use.
 * `message` says what is wrong with the value, `fix` what to change. The router adds the
 * parameter's display name and the item index.
 */
export class InputError extends Error {
	readonly fix: string;

	/** Display name of the parameter that holds the value, once known. */
	parameter?: string;

	constructor(message: string, fix: string, parameter?: string) {
		super(message);
		this.name = 'InputError';
		this.fix = fix;
		this.parameter = parameter;
	}
}
