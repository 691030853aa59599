import { BadRequestException } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsEmail, IsString, ValidateNested } from 'class-validator';
import { createValidationPipe } from './validation';

class Inner {
  @IsEmail({}, { message: 'Enter a valid e-mail address' })
  email!: string;
}

class Outer {
  @IsString({ message: 'Enter a name' })
  name!: string;

  @ValidateNested()
  @Type(() => Inner)
  inner!: Inner;
}

describe('validation pipe', () => {
  const pipe = createValidationPipe();
  const validate = (value: unknown) => pipe.transform(value, { type: 'body', metatype: Outer });

  it('reports every broken field by dotted path, including unknown ones', async () => {
    const error = await validate({ name: 3, inner: { email: 'nope', extra: 1 }, admin: true }).catch((caught) => caught);

    expect(error).toBeInstanceOf(BadRequestException);
    expect(error.getResponse()).toEqual({
      message: '4 fields are invalid',
      fields: {
        name: ['Enter a name'],
        admin: ['property admin should not exist'],
        'inner.email': ['Enter a valid e-mail address'],
        'inner.extra': ['property extra should not exist'],
      },
    });
  });

  it('names the field when only one is wrong', async () => {
    const error = await validate({ name: 'Anna', inner: { email: 'x' } }).catch((caught) => caught);

    expect(error.getResponse().message).toBe('inner.email: Enter a valid e-mail address');
  });

  it('passes valid input through as an instance', async () => {
    await expect(validate({ name: 'Anna', inner: { email: 'anna@example.se' } })).resolves.toBeInstanceOf(Outer);
  });
});
