/**
 * A one-field "add" form of the options page (a passport, a site): the labelled field, its button, and the problem
 * with what was typed, tied to the field for screen readers. The field is cleared once the value is added.
 */
import type {ComponentChildren, InputHTMLAttributes} from 'preact';
import {useState} from 'preact/hooks';

/** What became of a value: the problem with it, or undefined when it was added. */
type Added = string | undefined;

type AddFormProps = {
	label: string;
	button: string;
	/** Adds what was typed; may answer later (after a permission prompt). Called inside the submit event. */
	onAdd: (text: string) => Added | Promise<Added>;
	/** The problem line's id. */
	problemId: string;
	/** The field's own attributes (name, type, list, placeholder). */
	field: InputHTMLAttributes<HTMLInputElement>;
	/** Between the field and the button (a datalist). */
	children?: ComponentChildren;
};

export function AddForm({label, button, onAdd, problemId, field, children}: AddFormProps) {
	const [text, setText] = useState('');
	const [problem, setProblem] = useState<string>();
	const settle = (added: Added) => {
		setProblem(added);
		if (added === undefined) setText('');
	};
	const submit = (event: Event) => {
		event.preventDefault();
		const added = onAdd(text);
		if (added instanceof Promise) void added.then(settle);
		else settle(added);
	};
	return (
		<form onSubmit={submit} class="add" noValidate>
			<label>
				{label}{' '}
				<input
					{...field}
					autocomplete="off"
					value={text}
					aria-invalid={problem ? true : undefined}
					aria-describedby={problem ? problemId : undefined}
					onInput={(e) => setText((e.target as HTMLInputElement).value)}
				/>
			</label>
			{children} <button type="submit">{button}</button>
			{problem ? (
				<p id={problemId} class="problem" role="alert">
					{problem}
				</p>
			) : null}
		</form>
	);
}
