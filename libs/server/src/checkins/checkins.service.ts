import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CheckinDetail,
  CheckinListItem,
  CheckinQuery,
  computeRetention,
  CreateCheckinRequest,
  DevicePasswordView,
  Page,
  Privacy,
  ReturnCheckinRequest,
  stockholmDate,
  UpdateCheckinRequest,
} from '@privdesk/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { StaffUser } from '../auth/staff-user.entity';
import { applyChanges } from '../core/apply-changes';
import { AppConfig } from '../core/config';
import { DomainError, invalidField, notFound } from '../core/errors';
import { checkVersion } from '../core/versions';
import { SecretBox } from '../core/secret-box';
import { CustomerRetentionService } from '../customers/customer-retention.service';
import { Customer } from '../customers/customer.entity';
import { toPrivacy } from '../database/privacy.columns';
import { PeopleService } from '../people/people.service';
import { Person } from '../people/person.entity';
import { PoliciesService } from '../policies/policies.service';
import { Ticket } from '../tickets/ticket.entity';
import { containsPattern } from '../core/like';
import { DeviceCheckin } from './device-checkin.entity';
import { receiptPdf } from './receipt';
import { TransparencyService } from '../transparency/transparency.service';

@Injectable()
export class CheckinsService {
  private readonly secrets: SecretBox | null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly people: PeopleService,
    private readonly policies: PoliciesService,
    private readonly retention: CustomerRetentionService,
    private readonly audit: AuditService,
    private readonly transparency: TransparencyService,
    config: AppConfig,
  ) {
    this.secrets = config.DEVICE_PASSWORD_KEY ? new SecretBox(config.DEVICE_PASSWORD_KEY) : null;
  }

  async list(query: CheckinQuery): Promise<Page<CheckinListItem>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 25;
    const builder = this.dataSource
      .getRepository(DeviceCheckin)
      .createQueryBuilder('checkin')
      .innerJoinAndSelect('checkin.customer', 'customer')
      .leftJoinAndSelect('customer.person', 'customerPerson')
      .leftJoinAndSelect('customer.organisation', 'organisation')
      .innerJoinAndSelect('checkin.handedInBy', 'handedInBy')
      .leftJoinAndSelect('checkin.assignedTechnician', 'technician');
    if (query.status) builder.andWhere('checkin.status = :status', { status: query.status });
    if (query.inShop) builder.andWhere(`checkin.status <> 'returned'`);
    if (query.customerId) builder.andWhere('checkin.customer_id = :customerId', { customerId: query.customerId });
    const q = query.q?.trim();
    if (q) {
      const like = containsPattern(q);
      const conditions = [
        'checkin.make ILIKE :like',
        'checkin.model ILIKE :like',
        'checkin.serial_number ILIKE :like',
        `handedInBy.first_name || ' ' || handedInBy.last_name ILIKE :like`,
        'organisation.name ILIKE :like',
        `customerPerson.first_name || ' ' || customerPerson.last_name ILIKE :like`,
      ];
      if (/^#?\d{1,9}$/.test(q)) conditions.push('checkin.checkin_number = :number');
      builder.andWhere(`(${conditions.join(' OR ')})`, { like, number: Number(q.replace('#', '')) });
    }
    const [checkins, total] = await builder
      .orderBy('checkin.received_at', 'DESC')
      .offset((page - 1) * pageSize)
      .limit(pageSize)
      .getManyAndCount();
    return { items: checkins.map(toListItem), total, page, pageSize };
  }

  async get(id: string): Promise<CheckinDetail> {
    const checkin = await this.load(this.dataSource.manager, id);
    const tickets = await this.dataSource.getRepository(Ticket).find({ where: { checkinId: id }, order: { createdAt: 'ASC' } });
    return {
      ...toListItem(checkin),
      handedInById: checkin.handedInById,
      handedInByPhone: checkin.handedInBy.phone,
      handedInByEmail: checkin.handedInBy.email,
      make: checkin.make,
      model: checkin.model,
      serialNumber: checkin.serialNumber,
      accessories: checkin.accessories,
      condition: checkin.condition,
      reportedFault: checkin.reportedFault,
      receivedByName: checkin.receivedBy?.name ?? '—',
      workDone: checkin.workDone,
      returnedAt: checkin.returnedAt?.toISOString() ?? null,
      pickedUpBy: checkin.pickedUpBy,
      passwordDestroyedAt: checkin.passwordDestroyedAt?.toISOString() ?? null,
      tickets: tickets.map((ticket) => ({ id: ticket.id, ticketNumber: ticket.ticketNumber, subject: ticket.subject, status: ticket.status })),
      dpaMissing: dpaMissing(checkin.customer),
      version: checkin.version,
    };
  }

  async create(request: CreateCheckinRequest, actor: StaffUser): Promise<CheckinDetail> {
    if (request.devicePassword && !this.secrets) {
      throw invalidField('devicePassword', 'Device passwords cannot be stored: the server has no DEVICE_PASSWORD_KEY configured');
    }
    const id = await this.dataSource.transaction(async (manager) => {
      const customer = await manager.findOneBy(Customer, { id: request.customerId });
      if (!customer) throw invalidField('customerId', 'No such customer');
      if (request.assignedTechnicianId) await checkTechnician(manager, request.assignedTechnicianId, 'assignedTechnicianId');
      const provisional = await this.provisional(manager);
      let handedInById = request.handedInById;
      if (request.handedInBy) {
        const resolved = await this.people.resolve(manager, request.handedInBy, { onMatch: 'ask', existingPersonId: request.existingPersonId, field: 'handedInBy', provisional, actorId: actor.id });
        handedInById = resolved.person.id;
      }
      else if (!handedInById || !(await manager.existsBy(Person, { id: handedInById }))) throw invalidField('handedInById', 'No such person');
      const checkin = manager.create(DeviceCheckin, {
        customerId: customer.id,
        handedInById,
        deviceType: request.deviceType,
        make: request.make,
        model: request.model,
        serialNumber: request.serialNumber ?? null,
        accessories: request.accessories ?? null,
        condition: request.condition ?? null,
        reportedFault: request.reportedFault,
        expectedReadyOn: request.expectedReadyOn ?? null,
        receivedById: actor.id,
        assignedTechnicianId: request.assignedTechnicianId ?? null,
        passwordCiphertext: request.devicePassword && this.secrets ? this.secrets.seal(request.devicePassword) : null,
        purpose: provisional.purpose,
        privacy: { legalBasis: provisional.legalBasis, retainUntil: provisional.retainUntil, rule: provisional.rule, ruleSv: provisional.ruleSv },
      });
      const saved = await manager.save(checkin);
      await this.retention.recompute(manager, customer.id);
      const fields = Object.keys(request).filter((field) => field !== 'devicePassword');
      if (request.devicePassword) fields.push('devicePassword');
      await this.audit.record({ actorId: actor.id, action: 'device_checkin.created', entityType: 'device_checkin', entityId: saved.id, fields }, manager);
      return saved.id;
    });
    return this.get(id);
  }

  async update(id: string, request: UpdateCheckinRequest, actor: StaffUser): Promise<CheckinDetail> {
    await this.dataSource.transaction(async (manager) => {
      const checkin = await manager.findOne(DeviceCheckin, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!checkin) throw notFound('The check-in');
      if (checkin.status === 'returned') throw new DomainError('conflict', 'The device has been returned');
      checkVersion('The check-in', checkin.version, request.version);
      const previousTechnicianId = checkin.assignedTechnicianId;
      const reassigned = request.assignedTechnicianId !== undefined && (request.assignedTechnicianId ?? null) !== previousTechnicianId;
      if (reassigned) {
        checkMayAssign(actor, previousTechnicianId, request.assignedTechnicianId ?? null);
        if (request.assignedTechnicianId) await checkTechnician(manager, request.assignedTechnicianId, 'assignedTechnicianId');
      }
      const changed = applyChanges(checkin, request, ['status', 'assignedTechnicianId', 'expectedReadyOn', 'workDone', 'accessories', 'condition', 'serialNumber']);
      if (!changed.length) return;
      checkin.version += 1;
      await manager.save(checkin);
      await this.audit.record({ actorId: actor.id, action: 'device_checkin.updated', entityType: 'device_checkin', entityId: id, fields: changed, details: { status: checkin.status } }, manager);
      if (reassigned) {
        await this.audit.record(
          { actorId: actor.id, action: 'device_checkin.assigned', entityType: 'device_checkin', entityId: id, details: { technicianId: checkin.assignedTechnicianId, previousTechnicianId } },
          manager,
        );
      }
    });
    return this.get(id);
  }

  /** Hands the device back: records who picked it up and destroys the stored password. */
  async return(id: string, request: ReturnCheckinRequest, actor: StaffUser): Promise<CheckinDetail> {
    await this.dataSource.transaction(async (manager) => {
      const checkin = await manager.findOne(DeviceCheckin, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!checkin) throw notFound('The check-in');
      if (checkin.status === 'returned') throw new DomainError('conflict', 'The device has been returned already');
      const hadPassword = checkin.passwordCiphertext !== null;
      const now = new Date();
      await manager.update(DeviceCheckin, id, {
        status: 'returned',
        returnedAt: now,
        pickedUpBy: request.pickedUpBy,
        passwordCiphertext: null,
        passwordDestroyedAt: hadPassword ? now : null,
      });
      await this.audit.record(
        { actorId: actor.id, action: 'device_checkin.returned', entityType: 'device_checkin', entityId: id, fields: hadPassword ? ['pickedUpBy', 'devicePassword'] : ['pickedUpBy'] },
        manager,
      );
    });
    return this.get(id);
  }

  /** Only the technician the device is assigned to sees its password; every view is audited. */
  async revealPassword(id: string, viewer: StaffUser): Promise<DevicePasswordView> {
    const checkin = await this.dataSource.getRepository(DeviceCheckin).findOneBy({ id });
    if (!checkin) throw notFound('The check-in');
    if (checkin.assignedTechnicianId !== viewer.id) throw new DomainError('forbidden', 'Only the technician the device is assigned to may see its password');
    if (!checkin.passwordCiphertext || !this.secrets) throw new DomainError('not_found', 'No password is stored for this device');
    await this.audit.record({ actorId: viewer.id, action: 'device_checkin.password.viewed', entityType: 'device_checkin', entityId: id, fields: ['devicePassword'] });
    return { password: this.secrets.open(checkin.passwordCiphertext) };
  }

  async receipt(id: string): Promise<{ filename: string; pdf: Buffer }> {
    const checkin = await this.load(this.dataSource.manager, id);
    const policy = await this.policies.get(checkin.purpose);
    const pdf = await receiptPdf(checkin, policy, toPrivacy(checkin), await this.transparency.identity());
    return { filename: `inlamning-${checkin.checkinNumber}.pdf`, pdf };
  }

  private async load(manager: EntityManager, id: string): Promise<DeviceCheckin> {
    const checkin = await manager.getRepository(DeviceCheckin).findOne({
      where: { id },
      relations: { customer: { person: true, organisation: true }, handedInBy: true, receivedBy: true, assignedTechnician: true },
    });
    if (!checkin) throw notFound('The check-in');
    return checkin;
  }

  private async provisional(manager: EntityManager): Promise<Privacy> {
    return computeRetention(await this.policies.get('P6', manager), { eventDate: stockholmDate(new Date()), agreements: [] });
  }
}

/**
 * The assigned technician is the one who may read the device's password, so the assignment guards
 * it: a technician may take an unassigned device for himself or herself; moving a device away from
 * its technician (or to another one) is an admin's decision.
 */
function checkMayAssign(actor: StaffUser, currentTechnicianId: string | null, nextTechnicianId: string | null): void {
  if (actor.role === 'admin') return;
  if (currentTechnicianId !== null) {
    throw new DomainError('forbidden', 'The device is assigned to a technician already; only an admin may assign it to someone else');
  }
  if (nextTechnicianId !== actor.id) throw new DomainError('forbidden', 'A technician may take an unassigned device only for himself or herself; an admin assigns it to others');
}

async function checkTechnician(manager: EntityManager, staffId: string, field: string): Promise<void> {
  const staff = await manager.findOneBy(StaffUser, { id: staffId });
  if (!staff || !staff.active || staff.role === 'sales') throw invalidField(field, 'Assign the device to an active technician or admin');
}

function dpaMissing(customer: Customer): boolean {
  return customer.type === 'organisation' && !customer.organisation?.dpaSignedOn;
}

export function customerName(customer: Customer): string {
  return customer.organisation?.name ?? (customer.person ? `${customer.person.firstName} ${customer.person.lastName}` : '—');
}

function toListItem(checkin: DeviceCheckin): CheckinListItem {
  return {
    id: checkin.id,
    checkinNumber: checkin.checkinNumber,
    customerId: checkin.customerId,
    customerNumber: checkin.customer.customerNumber,
    customerName: customerName(checkin.customer),
    handedInByName: `${checkin.handedInBy.firstName} ${checkin.handedInBy.lastName}`,
    deviceLabel: `${checkin.make} ${checkin.model}`,
    deviceType: checkin.deviceType,
    status: checkin.status,
    receivedAt: checkin.receivedAt.toISOString(),
    expectedReadyOn: checkin.expectedReadyOn,
    assignedTechnicianId: checkin.assignedTechnicianId,
    assignedTechnicianName: checkin.assignedTechnician?.name ?? null,
    hasPassword: checkin.passwordCiphertext !== null,
    privacy: toPrivacy(checkin),
  };
}
