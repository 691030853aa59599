import { HttpErrorResponse } from '@angular/common/http';
import { FormControl, FormGroup } from '@angular/forms';
import { applyServerErrors } from './api-errors';

describe('applyServerErrors', () => {
  it('puts dotted-path messages on the matching controls and keeps the input', () => {
    const form = new FormGroup({
      type: new FormControl('person'),
      person: new FormGroup({ email: new FormControl('not-an-email'), firstName: new FormControl('Anna') }),
    });
    const error = new HttpErrorResponse({
      status: 400,
      error: {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Validation failed',
        fields: { 'person.email': ['must be an e-mail address'], 'person.shoeSize': ['unknown field'] },
      },
    });

    const unmatched = applyServerErrors(form, error);

    const email = form.get('person.email');
    expect(email?.errors?.['server']).toBe('must be an e-mail address');
    expect(email?.touched).toBe(true);
    expect(email?.value).toBe('not-an-email');
    expect(form.get('person.firstName')?.errors).toBeNull();
    expect(unmatched).toEqual(['unknown field']);
  });

  it('finds a field the server named without its group', () => {
    const form = new FormGroup({ person: new FormGroup({ personnummer: new FormControl('19121212-1212') }) });
    const error = new HttpErrorResponse({
      status: 409,
      error: { statusCode: 409, error: 'Conflict', message: 'Already registered', fields: { personnummer: ['Already registered'] } },
    });
    expect(applyServerErrors(form, error, ['person'])).toEqual([]);
    expect(form.get('person.personnummer')?.errors?.['server']).toBe('Already registered');
  });
});
