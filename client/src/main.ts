document.body.append('Referral directory');
