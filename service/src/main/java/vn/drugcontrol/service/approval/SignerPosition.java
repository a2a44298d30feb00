package vn.drugcontrol.service.approval;

/**
 * Who signs the People's Committee's decision on its behalf (Decree 30/2020/NĐ-CP,
 * Appendix I): the chairman ({@code TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH}), or a vice-chairman
 * signing for the chairman ({@code TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH}).
 */
public enum SignerPosition {

	CHAIRMAN, VICE_CHAIRMAN

}
