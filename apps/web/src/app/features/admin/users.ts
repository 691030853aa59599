import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, signal, viewChild } from '@angular/core';
import { FormControl, FormGroup, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { MIN_PASSWORD_LENGTH, Role, ROLES, StaffUser, UpdateUserRequest } from '@privdesk/domain';
import { UsersApi } from '../../core/api/admin.api';
import { applyServerErrors, describeError, focusFirstInvalid } from '../../core/api/api-errors';
import { Session } from '../../core/auth';
import { formatInstant } from '../../core/format';
import { I18n, roleKey, TranslatePipe } from '../../core/i18n';
import { ErrorTextPipe, isStaleEdit } from '../../shared';
import { PasswordDialog, PasswordDialogData } from './password-dialog';

@Component({
  selector: 'app-users',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    TranslatePipe,
    ErrorTextPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './users.html',
  styleUrl: './users.scss',
})
export class UsersPage {
  private readonly api = inject(UsersApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18n);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly session = inject(Session);

  protected readonly roles = ROLES;
  protected readonly roleKey = roleKey;
  protected readonly minPassword = MIN_PASSWORD_LENGTH;
  protected readonly formatInstant = formatInstant;
  protected readonly columns = ['name', 'email', 'role', 'active', 'recruiter', 'lastLogin', 'actions'];

  protected readonly users = signal<StaffUser[]>([]);
  protected readonly loading = signal(false);
  protected readonly error = signal<unknown>(null);
  protected readonly errorText = computed(() => (this.error() ? describeError(this.error(), this.i18n) : ''));
  /** Ids of users with a change on its way. */
  protected readonly pending = signal<ReadonlySet<string>>(new Set());

  protected readonly creating = signal(false);
  protected readonly createErrors = signal<(() => string)[]>([]);
  protected readonly createForm = this.newForm();
  private readonly createFormDirective = viewChild.required(FormGroupDirective);

  constructor() {
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.error.set(null);
    this.api.list().subscribe({
      next: (users) => {
        this.loading.set(false);
        this.users.set([...users].sort((a, b) => a.name.localeCompare(b.name, 'sv')));
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.error.set(error);
      },
    });
  }

  protected create(): void {
    const form = this.createForm;
    if (this.creating()) return;
    if (form.invalid) {
      form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    const value = form.getRawValue();
    this.creating.set(true);
    this.createErrors.set([]);
    this.api.create({ email: value.email.trim(), name: value.name.trim(), role: value.role, password: value.password }).subscribe({
      next: (user) => {
        this.creating.set(false);
        this.users.update((users) => [...users, user].sort((a, b) => a.name.localeCompare(b.name, 'sv')));
        // resetForm() also clears `submitted`, so the emptied fields do not show as errors.
        this.createFormDirective().resetForm();
        this.snackBar.open(this.i18n.t('users.created', { name: user.name }), undefined, { duration: 3000 });
      },
      error: (error: unknown) => {
        const unmatched = applyServerErrors(form, error);
        this.createErrors.set([() => describeError(error, this.i18n), ...unmatched.map((text) => () => text)]);
        this.creating.set(false);
        focusFirstInvalid(this.host.nativeElement);
      },
    });
  }

  protected changeRole(user: StaffUser, role: Role): void {
    if (role !== user.role) this.update(user, { role });
  }

  /** A recruiting admin may open applicants' sensitive documents; the change ends the user's sessions. */
  protected setRecruiter(user: StaffUser, recruiter: boolean): void {
    if (recruiter !== user.recruiter) this.update(user, { recruiter });
  }

  protected toggleActive(user: StaffUser): void {
    this.update(user, { active: !user.active });
  }

  protected resetPassword(user: StaffUser): void {
    this.dialog
      .open<PasswordDialog, PasswordDialogData, StaffUser>(PasswordDialog, { data: { user }, width: '28rem', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((saved) => {
        if (!saved) return;
        // A new password is a new version of the user: the row's next change is based on it.
        this.replace(saved);
        this.snackBar.open(this.i18n.t('users.passwordSaved'), undefined, { duration: 3000 });
      });
  }

  protected isSelf(user: StaffUser): boolean {
    return this.session.user()?.id === user.id;
  }

  /**
   * Role, recruiter and active change at once, based on the row's version. If someone else changed
   * the user since, nothing is applied: the row shows the user as stored now and says so.
   */
  private update(user: StaffUser, change: Omit<UpdateUserRequest, 'version'>): void {
    this.setPending(user.id, true);
    this.api.update(user.id, { ...change, version: user.version }).subscribe({
      next: (updated) => {
        this.setPending(user.id, false);
        this.replace(updated);
        this.snackBar.open(this.i18n.t('users.saved'), undefined, { duration: 2500 });
      },
      error: (error: unknown) => {
        if (!isStaleEdit(error)) {
          this.refused(user, describeError(error, this.i18n));
          return;
        }
        this.api.list().subscribe({
          next: (users) => this.refused(users.find((u) => u.id === user.id) ?? user, this.i18n.t('staleEdit.quickAction')),
          error: () => this.refused(user, this.i18n.t('staleEdit.quickAction')),
        });
      },
    });
  }

  /** Puts the row back as the server has it (e.g. the role select), and says why. */
  private refused(user: StaffUser, message: string): void {
    this.setPending(user.id, false);
    this.replace({ ...user });
    this.snackBar.open(message, this.i18n.t('common.close'), { duration: 8000 });
  }

  private replace(user: StaffUser): void {
    this.users.update((users) => users.map((u) => (u.id === user.id ? user : u)));
  }

  private setPending(id: string, on: boolean): void {
    this.pending.update((ids) => {
      const next = new Set(ids);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  private newForm() {
    return new FormGroup({
      email: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.email] }),
      name: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
      role: new FormControl<Role>('technician', { nonNullable: true, validators: [Validators.required] }),
      password: new FormControl('', {
        nonNullable: true,
        validators: [Validators.required, Validators.minLength(MIN_PASSWORD_LENGTH)],
      }),
    });
  }
}
