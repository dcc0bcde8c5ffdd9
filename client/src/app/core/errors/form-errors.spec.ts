import { ElementRef } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, FormGroup, Validators } from '@angular/forms';
import { graphqlError } from '../../../testing/graphql-testing';
import { mobileNumberValidator } from '../../shared/forms/mobile-number';
import { FormSubmission, applyFieldErrors, controlErrorKey } from './form-errors';

describe('FormSubmission', () => {
  let form: FormGroup<{ email: FormControl<string> }>;

  function submission(messages?: Record<string, string>): FormSubmission {
    const email = new FormControl('jan@example.nl', { nonNullable: true, validators: [Validators.required] });
    form = new FormGroup({ email });
    const host = new ElementRef(document.createElement('form'));
    TestBed.configureTestingModule({ providers: [{ provide: ElementRef, useValue: host }] });
    return TestBed.runInInjectionContext(() => new FormSubmission(form, messages));
  }

  it('does not run the action for an invalid form and marks its fields', async () => {
    const s = submission();
    form.controls.email.setValue('');
    const action = vi.fn(() => Promise.resolve());
    await s.run(action);
    expect(action).not.toHaveBeenCalled();
    expect(form.controls.email.touched).toBe(true);
  });

  it('ignores a second submit while the first is busy', async () => {
    const s = submission();
    let finish!: () => void;
    const action = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const first = s.run(action);
    expect(s.busy()).toBe(true);
    await s.run(action);
    finish();
    await first;
    expect(action).toHaveBeenCalledTimes(1);
    expect(s.busy()).toBe(false);
  });

  it('shows a failure with the form’s own message and marks the fields the server names', async () => {
    const s = submission({ BAD_USER_INPUT: 'errors.custom' });
    const fields = [{ field: 'email', message: 'invalid' }];
    await s.run(() => Promise.reject(graphqlError('BAD_USER_INPUT', { fields })));
    expect(s.error()).toEqual({ key: 'errors.custom', reasons: [] });
    expect(form.controls.email.hasError('server')).toBe(true);
  });

  it('leaves an error the component handles itself alone', async () => {
    const s = submission();
    await s.run(
      () => Promise.reject(graphqlError('LINK_EXPIRED')),
      (e) => e.code === 'LINK_EXPIRED',
    );
    expect(s.error()).toBeNull();
  });
});

describe('controlErrorKey', () => {
  it('names what is wrong with a field, the server’s codes included', () => {
    const email = new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.email] });
    expect(controlErrorKey(email)).toBe('common.required');
    email.setValue('geen-adres');
    expect(controlErrorKey(email)).toBe('common.emailInvalid');
    email.setValue('jan@example.nl');
    expect(controlErrorKey(email)).toBeNull();
    applyFieldErrors(new FormGroup({ email }), [{ field: 'email', message: 'EMAIL_TAKEN' }]);
    expect(controlErrorKey(email)).toBe('fieldErrors.EMAIL_TAKEN');
  });

  it('checks the shape of a mobile number and leaves the rest to the server', () => {
    const mobile = new FormControl('', { nonNullable: true, validators: [mobileNumberValidator] });
    expect(controlErrorKey(mobile)).toBeNull();
    for (const ok of ['06 12345678', '+31 6 1234 5678', '0031612345678', '(06) 123-456-78']) {
      mobile.setValue(ok);
      expect(controlErrorKey(mobile), ok).toBeNull();
    }
    for (const wrong of ['abc', '0612', '06-1234-5678-9999-12345']) {
      mobile.setValue(wrong);
      expect(controlErrorKey(mobile), wrong).toBe('fieldErrors.INVALID_MOBILE_NUMBER');
    }
  });
});
